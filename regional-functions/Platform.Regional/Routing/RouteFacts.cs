using Platform.Compliance;

namespace Platform.Regional.Routing;

/// <summary>
/// Everything a routing decision depends on, captured at one moment. <paramref name="PrefixKey"/> is the hash of the
/// request's long shared prefix (null when it has none worth a cache hit, see <see cref="PrefixAffinity"/>);
/// the prefix's pool is preferred unless its load score exceeds the best one's by more than <paramref name="AffinityMargin"/>.
/// </summary>
internal sealed record RouteFacts(
    string Zone,
    string RequestedModel,
    int CostTier,
    int MaxTier,
    IReadOnlyList<PoolState> Pools,
    IReadOnlyList<ModelSpec> Models,
    IReadOnlyList<Tier> Tiers,
    DateTimeOffset Now,
    ulong? PrefixKey = null,
    double AffinityMargin = 0);
