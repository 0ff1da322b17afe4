namespace Platform.Compliance;

/// <summary>The parts of the platform personal data passes through or rests in; a processor hosts one or more.</summary>
public enum SystemPart
{
    Edge,
    RegionalFunction,
    GpuPools,
    TraceStore,
    DecisionLog,

    /// <summary>A tier-3 provider of routing.yaml that is a processor of its zone (in_zone_processor); optional, unlike the others.</summary>
    ExternalProvider,
}

public static class SystemPartNames
{
    public static string ToWire(this SystemPart part) => part switch
    {
        SystemPart.Edge => "edge",
        SystemPart.RegionalFunction => "regional_function",
        SystemPart.GpuPools => "gpu_pools",
        SystemPart.TraceStore => "trace_store",
        SystemPart.DecisionLog => "decision_log",
        SystemPart.ExternalProvider => "external_provider",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>Whether every zone must name the processor that hosts this part.</summary>
    public static bool IsRequired(this SystemPart part) => part != SystemPart.ExternalProvider;

    public static bool TryParse(string? value, out SystemPart part)
    {
        foreach (var candidate in Enum.GetValues<SystemPart>())
        {
            if (candidate.ToWire() == value)
            {
                part = candidate;
                return true;
            }
        }

        part = default;
        return false;
    }
}

/// <summary>A responsible person or organisation and how to reach them; a value in [brackets] is a placeholder.</summary>
public sealed record Contact(string Role, string Name, string Address, string ContactPoint, Origin Origin)
{
    public bool IsPlaceholder => new[] { Name, Address, ContactPoint }.Any(v => v.StartsWith('['));
}

public sealed record Purpose(string Id, string Description, IReadOnlyList<DataClass> Classes, Origin Origin);

/// <summary>An organisation that processes data on the controller's behalf (a recipient in GDPR Art. 30 terms).</summary>
public sealed record Processor(string Name, string Role, IReadOnlyList<SystemPart> Hosts, Origin Origin);

/// <summary>What one zone adds to the record: its officer, its lawful basis, the law its outbound transfers answer to, and its processors.</summary>
public sealed record ZoneProcessing(string Zone, Contact Officer, string LawfulBasis, string TransferRegime, IReadOnlyList<Processor> Processors, Origin Origin);

/// <summary>The record of processing (processing.yaml): what the data-flow maps show beside the zone rules.</summary>
public sealed record ProcessingRecord(
    Contact Controller,
    IReadOnlyList<Purpose> Purposes,
    IReadOnlyList<string> DataSubjects,
    IReadOnlyList<string> SecurityMeasures,
    IReadOnlyList<ZoneProcessing> Zones)
{
    public ZoneProcessing Of(string zone) => Zones.First(z => z.Zone == zone);
}
