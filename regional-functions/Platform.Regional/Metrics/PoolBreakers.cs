using System.Collections.Frozen;
using Platform.Regional.Routing;

namespace Platform.Regional.Metrics;

/// <summary>The circuit breaker and health window of every available pool and provider, shared by the router (who is in) and the forwarder (how calls went).</summary>
internal sealed class PoolBreakers(RegionalSettings settings, PoolChoiceSettings choice, TimeProvider time)
{
    private readonly FrozenDictionary<string, PoolBreaker> _breakers =
        settings.Routable.ToFrozenDictionary(p => p.Pool.Id, p => new PoolBreaker(p.Pool, choice, time), StringComparer.Ordinal);

    public PoolBreaker this[string poolId] => _breakers[poolId];

    public PoolHealth Health(string poolId) => _breakers.TryGetValue(poolId, out var breaker) ? breaker.Health() : PoolHealth.Unknown;
}
