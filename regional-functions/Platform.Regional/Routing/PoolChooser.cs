using System.Globalization;

namespace Platform.Regional.Routing;

/// <summary>Which of this zone's pools serve a request, least loaded first.</summary>
internal static class PoolChooser
{
    /// <summary>The model name that lets the edge pick the tier (carried in the tags as cost_tier).</summary>
    public const string Auto = "auto";

    /// <summary>A pool that failed this recently is tried after the healthy ones: long enough to skip it for a burst, short enough to retry soon.</summary>
    public static readonly TimeSpan RecentErrorWindow = TimeSpan.FromSeconds(30);

    public static RouteDecision Choose(RouteFacts facts)
    {
        var pools = facts.Pools.Where(p => p.Pool.Zone == facts.Zone).ToArray();
        var concrete = facts.Models.FirstOrDefault(m => m.Id == facts.RequestedModel);
        if (concrete is not null)
        {
            if (concrete.Tier > facts.MaxTier)
            {
                return Refuse(RouteStatus.AboveMaxTier, $"model '{concrete.Id}' is tier {concrete.Tier}, above this tenant's max tier {facts.MaxTier}");
            }

            var serving = pools.Where(p => p.Pool.Model.Id == concrete.Id).ToArray();
            return serving.Length == 0
                ? Refuse(RouteStatus.NoPool, $"no available pool of zone {facts.Zone} serves '{concrete.Id}'")
                : Routed(serving, facts.Now, $"{serving.Length} pool(s) serving '{concrete.Id}'");
        }

        if (facts.RequestedModel != Auto && facts.Tiers.All(t => t.Alias != facts.RequestedModel))
        {
            return Refuse(RouteStatus.UnknownModel, $"'{facts.RequestedModel}' is neither a model nor a tier alias");
        }

        var wanted = Math.Min(facts.CostTier, facts.MaxTier);
        var tier = pools.Select(p => p.Pool.Tier).Where(t => t <= wanted).DefaultIfEmpty(-1).Max();
        if (tier < 0)
        {
            return Refuse(RouteStatus.NoPool, $"no available pool of zone {facts.Zone} at or below tier {wanted}");
        }

        var candidates = pools.Where(p => p.Pool.Tier == tier).ToArray();
        var reason = tier == wanted
            ? $"{candidates.Length} pool(s) of tier {tier}"
            : $"zone {facts.Zone} has no available pool of tier {wanted}; fell back to tier {tier} ({candidates.Length} pool(s))";
        return Routed(candidates, facts.Now, reason);
    }

    /// <summary>
    /// Queued and running requests against capacity, plus KV-cache pressure (a full cache preempts requests). Between
    /// scrapes our own in-flight count stands in when it is higher, so one burst does not all land on the same pool.
    /// </summary>
    public static double LoadScore(PoolState state)
    {
        var requests = Math.Max((state.Load?.Waiting ?? 0) + (state.Load?.Running ?? 0), state.InFlight);
        return (requests / Math.Max(1, state.Pool.MaxConcurrency)) + (state.Load?.KvCacheUsage ?? 0);
    }

    public static bool IsSuspect(PoolState state, DateTimeOffset now) =>
        state.LastScrapeFailed || (state.LastErrorAt is { } at && now - at < RecentErrorWindow);

    private static RouteDecision Routed(IReadOnlyList<PoolState> candidates, DateTimeOffset now, string reason)
    {
        // OrderBy is stable: equal pools keep catalogue order.
        var ordered = candidates.OrderBy(p => IsSuspect(p, now)).ThenBy(LoadScore).ToArray();
        var suspect = ordered.Count(p => IsSuspect(p, now));
        var detail = suspect > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {suspect} failing pool(s) last") : "";
        return new RouteDecision(RouteStatus.Routed, ordered.Select(p => p.Pool.Id).ToArray(), $"{reason}, least loaded first{detail}");
    }

    private static RouteDecision Refuse(RouteStatus status, string reason) => new(status, [], reason);
}
