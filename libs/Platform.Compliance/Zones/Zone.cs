namespace Platform.Compliance;

public sealed record AwsPlacement(string Partition, string Region);

public sealed record AzurePlacement(string Cloud, string Region);

public sealed record Retention(int TraceDays, int DecisionLogDays)
{
    /// <summary>The platform's hard limit: no trace lives longer than this anywhere, whatever a policy says.</summary>
    public const int MaxTraceDays = 30;
}

/// <summary>A jurisdiction the platform serves from (zones.yaml).</summary>
public sealed record Zone(
    string Id,
    string Name,
    string Regulation,
    AwsPlacement Aws,
    AzurePlacement Azure,
    IReadOnlyList<string> HomeCountries,
    bool Isolated,
    bool ExportRestricted,
    IReadOnlyList<string> Accelerators,
    Retention Retention,
    Origin Origin);
