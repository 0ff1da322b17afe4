using System.Globalization;
using Platform.Compliance;

namespace Platform.Regional.Routing;

/// <summary>
/// Which of this zone's pools serve a request, and in what order. The first is the prefix's pool (affinity) or the
/// less loaded of two sampled at random (power of two choices: close to least-loaded without every router sending a
/// burst to the same pool between scrapes); the rest follow least loaded first, as fallbacks. Pools whose circuit is
/// open are left out, unless every pool is: then all are tried, which beats failing.
/// External providers serve the top tier beside the zone's pools, after them: a prompt leaves the platform's own
/// servers only when no healthy pool of the zone serves its tier. A provider the compliance model forbids for the
/// request's data class is never a candidate, not even as a last resort; a concrete model name is served by pools only.
/// </summary>
internal static class PoolChooser
{
    /// <summary>The model name that lets the edge pick the tier (carried in the tags as cost_tier).</summary>
    public const string Auto = "auto";

    public static RouteDecision Choose(RouteFacts facts, Random random)
    {
        var pools = facts.Pools.Where(p => p.Pool.Zone == facts.Zone && (p.Provider is null || facts.MayReceive(p.Provider, facts.DataClass))).ToArray();
        var concrete = facts.Models.FirstOrDefault(m => m.Id == facts.RequestedModel);
        if (concrete is not null)
        {
            if (concrete.Tier > facts.MaxTier)
            {
                return Refuse(RouteStatus.AboveMaxTier, $"model '{concrete.Id}' is tier {concrete.Tier}, above this tenant's max tier {facts.MaxTier}");
            }

            var serving = pools.Where(p => !p.IsExternal && p.Pool.Model.Id == concrete.Id).ToArray();
            return serving.Length == 0
                ? Refuse(RouteStatus.NoPool, $"no available pool of zone {facts.Zone} serves '{concrete.Id}'")
                : Routed(serving, facts, random, $"{serving.Length} pool(s) serving '{concrete.Id}'");
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
        var external = candidates.Count(p => p.IsExternal);
        var withheld = facts.Pools.Count(p => p.IsExternal && p.Pool.Zone == facts.Zone && p.Pool.Tier == wanted && !pools.Contains(p));
        reason += external > 0 ? $", {external} of them external provider(s), tried after the zone's pools" : "";
        reason += withheld > 0 ? $"; {withheld} external provider(s) withheld: may not receive class {facts.DataClass.ToWire()}" : "";
        return Routed(candidates, facts, random, reason);
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

    /// <summary>A pool whose metrics cannot be read may be down, and its load is unknown: it goes after the others. Failing calls are the circuit breaker's to judge.</summary>
    public static bool IsSuspect(PoolState state) => state.LastScrapeFailed;

    private static RouteDecision Routed(PoolState[] candidates, RouteFacts facts, Random random, string reason)
    {
        var admitted = candidates.Where(p => p.Health?.Admits ?? true).ToArray();
        var ejected = candidates.Length - admitted.Length;
        var allEjected = admitted.Length == 0;
        if (allEjected)
        {
            admitted = [.. candidates];
        }

        // OrderBy is stable: equal pools keep catalogue order. Providers are never scraped, so never suspect: they come
        // after the zone's healthy pools and before its failing ones.
        var ordered = admitted.OrderBy(IsSuspect).ThenBy(p => p.IsExternal).ThenBy(LoadScore).ToList();
        var suspect = ordered.Count(IsSuspect);
        var healthy = ordered.Take(ordered.Count - suspect).ToArray();
        var own = healthy.Where(p => !p.IsExternal).ToArray();
        var (first, how) = allEjected ? (ordered[0], "fallback") : FirstChoice(own.Length > 0 ? own : healthy.Length > 0 ? healthy : [.. ordered], facts, random);
        ordered.Remove(first);
        ordered.Insert(0, first);

        var detail = string.Create(CultureInfo.InvariantCulture, $"{reason}; {how}: {first.Pool.Id}, then least loaded");
        detail += allEjected ? "; every pool's circuit is open, tried anyway" : ejected > 0 ? $"; {ejected} ejected pool(s) left out" : "";
        detail += suspect > 0 ? $"; {suspect} failing pool(s) last" : "";
        return new RouteDecision(RouteStatus.Routed, ordered.Select(p => p.Pool.Id).ToArray(), detail);
    }

    /// <summary>The prefix's pool unless it is too loaded, else the better of two sampled; <paramref name="pools"/> is least loaded first.</summary>
    private static (PoolState Pool, string How) FirstChoice(PoolState[] pools, RouteFacts facts, Random random)
    {
        if (facts.PrefixKey is { } key)
        {
            var home = pools.MaxBy(p => PrefixAffinity.Weight(key, p.Pool.Id))!;
            if (LoadScore(home) - LoadScore(pools[0]) <= facts.AffinityMargin)
            {
                return (home, "affinity");
            }
        }

        if (pools.Length == 1)
        {
            return (pools[0], "only");
        }

        var a = random.Next(pools.Length);
        var b = random.Next(pools.Length - 1);
        b = b >= a ? b + 1 : b;

        // The list is ordered by load, so the lower index is the less loaded of the two (catalogue order on a tie).
        return (pools[Math.Min(a, b)], "p2c");
    }

    private static RouteDecision Refuse(RouteStatus status, string reason) => new(status, [], reason);
}
