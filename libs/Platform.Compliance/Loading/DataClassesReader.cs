using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static class DataClassesReader
{
    public static DataClassCatalog Read(YamlNodeReader root)
    {
        root.AllowOnly("classes", "pii_types");
        var classes = new List<DataClassInfo>();
        foreach (var (name, c) in root["classes"].Entries("Define the classes none, direct and sensitive."))
        {
            c.AllowOnly("personal_data", "description");
            if (!DataClassNames.TryParse(name, out var dataClass))
            {
                c.Error($"Unknown data class '{name}'.", "The platform knows exactly three classes: none, direct and sensitive.");
                continue;
            }

            var personal = c["personal_data"].Bool(true);
            if (personal != (dataClass != DataClass.None))
            {
                c["personal_data"].Error($"Class '{name}' must have personal_data: {(dataClass != DataClass.None).ToString().ToLowerInvariant()}.", "Only 'none' holds no personal data; direct and sensitive always do, which is what keeps them in their home zone.");
            }

            classes.Add(new DataClassInfo(dataClass, dataClass != DataClass.None, c["description"].String("Describe the class for readers of the policies.")));
        }

        foreach (var missing in Enum.GetValues<DataClass>().Where(d => classes.All(c => c.Class != d)))
        {
            root["classes"].Error($"Class '{missing.ToWire()}' is not defined.", $"Add classes.{missing.ToWire()}.");
        }

        var types = new List<PiiType>();
        foreach (var (name, t) in root["pii_types"].Entries("List the personal-data types the edge detects, each with its class."))
        {
            t.AllowOnly("class", "description");
            var className = t["class"].String("Set the class: direct or sensitive.");
            if (!DataClassNames.TryParse(className, out var dataClass) || dataClass == DataClass.None)
            {
                t["class"].Error($"'{className}' is not a class a personal-data type can have.", "Use direct or sensitive.");
                continue;
            }

            types.Add(new PiiType(name, dataClass, t["description"].String("Describe the type for readers of the policies.")));
        }

        return new DataClassCatalog(classes.OrderBy(c => c.Class).ToArray(), types);
    }
}
