using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static class ProcessingReader
{
    public static ProcessingRecord Read(YamlNodeReader root, IReadOnlyList<Zone> zones)
    {
        root.AllowOnly("controller", "purposes", "data_subjects", "security_measures", "zones");
        var c = root["controller"];
        c.AllowOnly("name", "address", "contact");
        var controller = new Contact(
            "Controller",
            c["name"].String("Give the controller's legal name."),
            c["address"].String("Give the controller's registered address."),
            c["contact"].String("Give the address data subjects and regulators write to."),
            new Origin(root.Source.File, c.Line));

        var purposes = new List<Purpose>();
        foreach (var (id, p) in root["purposes"].Entries("List the purposes of processing, each with a description and its data classes."))
        {
            p.AllowOnly("description", "classes");
            var classes = new List<DataClass>();
            foreach (var name in p["classes"].Strings("List the data classes this purpose processes, like [none, direct]."))
            {
                if (DataClassNames.TryParse(name, out var dataClass))
                {
                    classes.Add(dataClass);
                }
                else
                {
                    p["classes"].Error($"Unknown data class '{name}'.", "Use none, direct or sensitive.");
                }
            }

            purposes.Add(new Purpose(id, p["description"].String("Describe the purpose for readers of the record."), classes, new Origin(root.Source.File, p.Line)));
        }

        var subjects = root["data_subjects"].Strings("List the categories of data subjects whose data prompts may hold.");
        var measures = root["security_measures"].Strings("List the technical and organisational security measures.");

        var entries = new List<ZoneProcessing>();
        foreach (var (id, z) in root["zones"].Entries("Give every zone an entry with its officer, lawful basis and processors."))
        {
            z.AllowOnly("dpo", "lawful_basis", "transfer_regime", "processors");
            if (zones.All(x => x.Id != id))
            {
                z.Error($"Unknown zone '{id}'.", $"Use one of: {string.Join(", ", zones.Select(x => x.Id))}.");
                continue;
            }

            var d = z["dpo"];
            d.AllowOnly("role", "name", "contact");
            var officer = new Contact(
                d["role"].String("Name the officer's statutory role, like Data Protection Officer (GDPR Art. 37-39)."),
                d["name"].String("Give the officer's name (a placeholder in [brackets] until appointed)."),
                "",
                d["contact"].String("Give the address the officer is reached at."),
                new Origin(root.Source.File, d.Line));

            var processors = new List<Processor>();
            foreach (var item in z["processors"].Items($"List zones.{id}.processors: who hosts each part of the zone."))
            {
                item.AllowOnly("name", "role", "hosts");
                var hosts = new List<SystemPart>();
                foreach (var name in item["hosts"].Strings($"List the parts the processor hosts: {PartList}."))
                {
                    if (SystemPartNames.TryParse(name, out var part))
                    {
                        hosts.Add(part);
                    }
                    else
                    {
                        item["hosts"].Error($"Unknown part '{name}'.", $"Use: {PartList}.");
                    }
                }

                processors.Add(new Processor(
                    item["name"].String("Give the processor's legal name."),
                    item["role"].String("Say what the processor does with the data."),
                    hosts,
                    new Origin(root.Source.File, item.Line)));
            }

            foreach (var part in Enum.GetValues<SystemPart>().Where(p => p.IsRequired() && processors.All(x => !x.Hosts.Contains(p))))
            {
                z["processors"].Error($"No processor hosts the {part.ToWire()} of zone '{id}'.", $"Add {part.ToWire()} to the hosts of the processor that runs it.");
            }

            entries.Add(new ZoneProcessing(
                id,
                officer,
                z["lawful_basis"].String("State the lawful basis of processing in this zone."),
                z["transfer_regime"].String("Name the law that governs a transfer out of this zone, like GDPR Chapter V."),
                processors,
                new Origin(root.Source.File, z.Line)));
        }

        foreach (var zone in zones.Where(z => entries.All(e => e.Zone != z.Id)))
        {
            root["zones"].Error($"Zone '{zone.Id}' has no entry.", $"Add zones.{zone.Id} with its dpo, lawful_basis and processors.");
        }

        return new ProcessingRecord(controller, purposes, subjects, measures, entries);
    }

    private static string PartList => string.Join(", ", Enum.GetValues<SystemPart>().Select(p => p.ToWire()));
}
