using Platform.Regional.Metrics;
using Platform.Regional.Routing;

namespace Platform.Regional.Apis;

internal sealed record Health(string Status, string Zone, int PoolsAvailable, int PoolsUnavailable, IReadOnlyList<PoolHealthReport> Pools);

/// <summary>One available pool's circuit (closed, open, half_open), and its window's error rate and p99 time to first byte.</summary>
internal sealed record PoolHealthReport(string Id, string Circuit, double ErrorRate, double? P99FirstByteMs, int Samples);

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Check);
        return app;
    }

    /// <summary>The process is up; how many of the zone's pools it can reach, and how they are doing, is for the operator, not a failure.</summary>
    internal static IResult Check(RegionalSettings settings, PoolBreakers breakers) =>
        Results.Json(
            new Health("ok", settings.Zone.Id, settings.Pools.Count, settings.UnavailablePools.Count, settings.Pools.Select(p => Report(p.Pool.Id, breakers.Health(p.Pool.Id))).ToArray()),
            Platform.Contracts.OpenAi.ChatWire.Json);

    private static PoolHealthReport Report(string pool, PoolHealth health) => new(
        pool,
        health.Circuit switch { PoolCircuit.Open => "open", PoolCircuit.HalfOpen => "half_open", _ => "closed" },
        health.ErrorRate,
        health.P99FirstByteMs,
        health.Samples);
}
