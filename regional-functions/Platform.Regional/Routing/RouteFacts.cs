using Platform.Compliance;

namespace Platform.Regional.Routing;

/// <summary>
/// Everything a routing decision depends on, captured at one moment. <paramref name="PrefixKey"/> is the hash of the
/// request's long shared prefix (null when it has none worth a cache hit, see <see cref="PrefixAffinity"/>);
/// the prefix's pool is preferred unless its load score exceeds the best one's by more than <paramref name="AffinityMargin"/>.
/// <paramref name="DataClass"/> is the request's class, and <paramref name="MayReceive"/> the compliance model's rule for
/// what an external provider may be sent (<see cref="ComplianceModel.MayReceive"/>); no provider is offered a request it forbids.
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
    DataClass DataClass,
    Func<ExternalProvider, DataClass, bool> MayReceive,
    ulong? PrefixKey = null,
    double AffinityMargin = 0);
