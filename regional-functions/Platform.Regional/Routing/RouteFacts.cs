using Platform.Compliance;

namespace Platform.Regional.Routing;

/// <summary>Everything a routing decision depends on, captured at one moment.</summary>
internal sealed record RouteFacts(
    string Zone,
    string RequestedModel,
    int CostTier,
    int MaxTier,
    IReadOnlyList<PoolState> Pools,
    IReadOnlyList<ModelSpec> Models,
    IReadOnlyList<Tier> Tiers,
    DateTimeOffset Now);
