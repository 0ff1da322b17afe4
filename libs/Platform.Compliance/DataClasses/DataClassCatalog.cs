using System.Collections.Frozen;

namespace Platform.Compliance;

public sealed record DataClassInfo(DataClass Class, bool PersonalData, string Description);

public sealed record PiiType(string Name, DataClass Class, string Description);

/// <summary>The data classes and the personal-data types that put a prompt in each (data-classes.yaml).</summary>
public sealed class DataClassCatalog
{
    private readonly FrozenDictionary<string, PiiType> _types;

    internal DataClassCatalog(IReadOnlyList<DataClassInfo> classes, IReadOnlyList<PiiType> types)
    {
        Classes = classes;
        Types = types;
        _types = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<DataClassInfo> Classes { get; }
    public IReadOnlyList<PiiType> Types { get; }

    public bool IsPersonal(DataClass c) => Classes.First(i => i.Class == c).PersonalData;

    /// <summary>
    /// The class of a prompt with these findings: the most protected class among them. A type the
    /// catalogue does not know counts as sensitive, so a new detector can never lower protection.
    /// </summary>
    public DataClass ClassOf(IEnumerable<string> piiTypes)
    {
        var result = DataClass.None;
        foreach (var type in piiTypes)
        {
            var c = _types.TryGetValue(type, out var t) ? t.Class : DataClass.Sensitive;
            if (c > result)
            {
                result = c;
            }
        }

        return result;
    }

    public bool IsKnownType(string type) => _types.ContainsKey(type);
}
