namespace Platform.Compliance;

/// <summary>How much protection a prompt needs; ordered, so the most protected of several wins.</summary>
public enum DataClass
{
    None = 0,
    Direct = 1,
    Sensitive = 2,
}

public static class DataClassNames
{
    public static string ToWire(this DataClass c) => c switch
    {
        DataClass.None => "none",
        DataClass.Direct => "direct",
        DataClass.Sensitive => "sensitive",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static bool TryParse(string? value, out DataClass dataClass)
    {
        (var ok, dataClass) = value switch
        {
            "none" => (true, DataClass.None),
            "direct" => (true, DataClass.Direct),
            "sensitive" => (true, DataClass.Sensitive),
            _ => (false, DataClass.None),
        };
        return ok;
    }
}
