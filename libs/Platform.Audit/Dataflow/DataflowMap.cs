namespace Platform.Audit;

/// <summary>
/// What a compliance officer needs about one zone, generated from the compliance model: the data flows (a graph whose
/// arrows carry the data classes allowed on them) and the GDPR Art. 30 record-of-processing fields.
/// </summary>
public sealed record DataflowMap(
    string Zone,
    string Name,
    string Regulation,
    bool Isolated,
    IReadOnlyList<string> HomeCountries,
    MapPlacement Placement,
    MapContact Controller,
    MapContact Officer,
    string LawfulBasis,
    IReadOnlyList<MapPurpose> Purposes,
    IReadOnlyList<string> DataSubjects,
    IReadOnlyList<MapDataCategory> DataCategories,
    IReadOnlyList<MapNode> Nodes,
    IReadOnlyList<MapFlow> Flows,
    IReadOnlyList<MapRecipient> Recipients,
    MapTransfers Transfers,
    IReadOnlyList<MapRetention> Retention,
    IReadOnlyList<string> SecurityMeasures,
    IReadOnlyList<MapResource> Resources,
    IReadOnlyList<string> Sources);

/// <summary>A resource the zone's deployment plan creates, where, and the settings that protect the data in it.</summary>
public sealed record MapResource(string Part, string Name, string Where, IReadOnlyList<string> Settings);

public sealed record MapPlacement(string AwsPartition, string AwsRegion, string AzureCloud, string AzureRegion);

public sealed record MapContact(string Role, string Name, string Address, string Contact);

public sealed record MapPurpose(string Id, string Description, IReadOnlyList<string> DataClasses, string Source);

/// <summary>A data class, whether it is personal data, and the personal-data types that put a prompt in it.</summary>
public sealed record MapDataCategory(string DataClass, bool PersonalData, string Description, IReadOnlyList<string> Types);

/// <summary>A place data passes through or rests in; <see cref="Part"/> is a processing.yaml part name.</summary>
public sealed record MapNode(string Id, string Label, string Zone, string Part, string? Processor);

/// <summary>
/// An arrow: the data classes allowed on it (empty: metadata only, no personal data), whether it crosses a border,
/// and for a crossing, the basis recorded in flows.yaml.
/// </summary>
public sealed record MapFlow(string From, string To, IReadOnlyList<string> DataClasses, string Carries, bool CrossBorder, string Direction, string? Basis, string? Source)
{
    public const string Within = "within";
    public const string Outbound = "outbound";
    public const string Inbound = "inbound";
}

public sealed record MapRecipient(string Name, string Zone, string Role, IReadOnlyList<string> Hosts, string Source);

/// <summary>Transfers out of the zone: the law they answer to and each one with its basis; none for an isolated zone.</summary>
public sealed record MapTransfers(string Regime, bool PersonalDataTransferred, IReadOnlyList<MapTransfer> Outbound, IReadOnlyList<MapTransfer> Inbound);

public sealed record MapTransfer(string FromZone, string ToZone, string ToName, string ToRegulation, IReadOnlyList<string> DataClasses, string Basis, string Source);

public sealed record MapRetention(string Store, string Holds, int? Days, string Erasure, string Source);
