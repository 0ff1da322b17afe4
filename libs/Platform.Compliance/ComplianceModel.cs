using System.Collections.Frozen;

namespace Platform.Compliance;

/// <summary>
/// The zones, data classes, flows, pools and tenants, loaded once from policies/ and validated.
/// Every part of the platform asks this model; none writes a zone rule of its own.
/// </summary>
public sealed class ComplianceModel
{
    private readonly FrozenDictionary<string, Zone> _zones;
    private readonly FrozenDictionary<string, string> _countryHome;
    private readonly FrozenDictionary<string, Tenant> _tenants;

    internal ComplianceModel(
        string defaultHomeZone,
        IReadOnlyList<Zone> zones,
        DataClassCatalog dataClasses,
        IReadOnlyList<FailoverRule> failover,
        IReadOnlyList<Tier> tiers,
        IReadOnlyList<Accelerator> accelerators,
        IReadOnlyList<ModelSpec> models,
        IReadOnlyList<Pool> pools,
        IReadOnlyList<Tenant> tenants,
        ProcessingRecord processing,
        RoutingPolicy routing)
    {
        DefaultHomeZone = defaultHomeZone;
        Zones = zones;
        DataClasses = dataClasses;
        Failover = failover;
        Tiers = tiers;
        Accelerators = accelerators;
        Models = models;
        Pools = pools;
        Tenants = tenants;
        Processing = processing;
        Routing = routing;
        _zones = zones.ToFrozenDictionary(z => z.Id, StringComparer.Ordinal);
        _countryHome = zones.SelectMany(z => z.HomeCountries.Select(c => (c, z.Id)))
            .ToFrozenDictionary(p => p.c, p => p.Id, StringComparer.OrdinalIgnoreCase);
        _tenants = tenants.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public string DefaultHomeZone { get; }
    public IReadOnlyList<Zone> Zones { get; }
    public DataClassCatalog DataClasses { get; }
    public IReadOnlyList<FailoverRule> Failover { get; }
    public IReadOnlyList<Tier> Tiers { get; }
    public IReadOnlyList<Accelerator> Accelerators { get; }
    public IReadOnlyList<ModelSpec> Models { get; }
    public IReadOnlyList<Pool> Pools { get; }
    public IReadOnlyList<Tenant> Tenants { get; }

    /// <summary>The record of processing (processing.yaml): controller, officers, purposes, processors, security measures.</summary>
    public ProcessingRecord Processing { get; }

    /// <summary>How each zone spends on a request (routing.yaml): verifier, reasoning budgets, system prompts, external providers.</summary>
    public RoutingPolicy Routing { get; }

    /// <summary>The policies shipped inside this assembly (the same files as policies/ in the repository).</summary>
    public static ComplianceModel Embedded => EmbeddedModel.Value;

    private static readonly Lazy<ComplianceModel> EmbeddedModel = new(() => ComplianceModelLoader.Load(PolicyFiles.Embedded()));

    /// <summary>Loads policies from a directory (an edited copy under review, say), or throws listing every problem.</summary>
    public static ComplianceModel Load(string policiesDirectory) => ComplianceModelLoader.Load(PolicyFiles.FromDirectory(policiesDirectory));

    /// <summary>Like <see cref="Load"/>, but returns the problems instead of throwing, for audits and reviews.</summary>
    public static (ComplianceModel? Model, IReadOnlyList<ModelError> Errors) Validate(string policiesDirectory) =>
        ComplianceModelLoader.TryLoad(PolicyFiles.FromDirectory(policiesDirectory));

    public Zone Zone(string id) =>
        _zones.TryGetValue(id, out var zone) ? zone : throw new ArgumentException($"Unknown zone '{id}'.", nameof(id));

    public bool IsZone(string? id) => id is not null && _zones.ContainsKey(id);

    /// <summary>The home zone of a client in this country (ISO 3166-1 alpha-2); the default zone for any other or none.</summary>
    public string HomeZoneOfCountry(string? countryCode) =>
        countryCode is not null && _countryHome.TryGetValue(countryCode, out var zone) ? zone : DefaultHomeZone;

    public Tenant? Tenant(string id) => _tenants.GetValueOrDefault(id);

    /// <summary>
    /// Where a request homed in <paramref name="homeZone"/> of class <paramref name="dataClass"/> may be served, in
    /// order of preference: its home zone first, then the failover targets flows.yaml allows for that class.
    /// </summary>
    public IReadOnlyList<string> ServingZones(string homeZone, DataClass dataClass)
    {
        var zones = new List<string> { Zone(homeZone).Id };
        zones.AddRange(Failover.Where(f => f.From == homeZone && f.Classes.Contains(dataClass)).Select(f => f.To));
        return zones;
    }

    public bool MayServe(string homeZone, DataClass dataClass, string servingZone) =>
        ServingZones(homeZone, dataClass).Contains(servingZone, StringComparer.Ordinal);

    /// <summary>
    /// The one rule for what an external provider may be sent: nothing from an isolated zone; prompts without personal
    /// data otherwise; personal data only when the provider is a processor of its zone (in_zone_processor, named in
    /// processing.yaml) that processes in one of the zone's countries. The router, the audit and the maps all ask this.
    /// </summary>
    public bool MayReceive(ExternalProvider provider, DataClass dataClass)
    {
        var zone = Zone(provider.Zone);
        return !zone.Isolated && (!DataClasses.IsPersonal(dataClass) || (provider.InZoneProcessor && provider.ProcessesIn(zone)));
    }

    /// <summary>The data classes <see cref="MayReceive"/> lets reach the provider, least protected first.</summary>
    public IReadOnlyList<DataClass> ClassesFor(ExternalProvider provider) =>
        DataClasses.Classes.Select(c => c.Class).Where(c => MayReceive(provider, c)).Order().ToArray();

    public IReadOnlyList<Pool> PoolsIn(string zone) => Pools.Where(p => p.Zone == zone).ToArray();

    public Tier? TierByAlias(string alias) => Tiers.FirstOrDefault(t => t.Alias == alias);
}
