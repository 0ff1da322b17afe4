using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Regional.Metrics;
using Platform.Regional.Routing;

namespace Platform.Regional.Apis;

/// <remarks><see cref="Pools"/> includes the routable external providers (by name); <see cref="ProvidersWithoutKey"/> names those not routable for want of an API key.</remarks>
internal sealed record Health(
    string Status, string Zone, int PoolsAvailable, int PoolsUnavailable, IReadOnlyList<PoolHealthReport> Pools, IReadOnlyList<CheckReport> Checks, IReadOnlyList<string> ProvidersWithoutKey);

/// <summary>A registered health check (the trace spool, say): degraded means the function serves but something is being lost or delayed.</summary>
internal sealed record CheckReport(string Name, string Status, string? Description);

/// <summary>One available pool's circuit (closed, open, half_open), and its window's error rate and p99 time to first byte.</summary>
internal sealed record PoolHealthReport(string Id, string Circuit, double ErrorRate, double? P99FirstByteMs, int Samples);

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Check);
        return app;
    }

    /// <summary>
    /// The process is up; how many of the zone's pools it can reach, and how they are doing, is for the operator, not a
    /// failure. Registered checks (the trace spool) turn the status to "degraded" while traces are dropped or delayed,
    /// so a full spool is loud without taking the function out of service.
    /// </summary>
    internal static async Task<IResult> Check(HttpContext context, RegionalSettings settings, PoolBreakers breakers)
    {
        var checks = context.RequestServices.GetService<HealthCheckService>() is { } service
            ? (await service.CheckHealthAsync(context.RequestAborted)).Entries
                .Select(e => new CheckReport(e.Key, e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description)).ToArray()
            : [];
        var status = checks.Any(c => c.Status != "healthy") ? "degraded" : "ok";
        return Results.Json(
            new Health(status, settings.Zone.Id, settings.Pools.Count, settings.UnavailablePools.Count, settings.Routable.Select(p => Report(p.Pool.Id, breakers.Health(p.Pool.Id))).ToArray(), checks, settings.ProvidersWithoutKey),
            Platform.Contracts.OpenAi.ChatWire.Json);
    }

    private static PoolHealthReport Report(string pool, PoolHealth health) => new(
        pool,
        health.Circuit switch { PoolCircuit.Open => "open", PoolCircuit.HalfOpen => "half_open", _ => "closed" },
        health.ErrorRate,
        health.P99FirstByteMs,
        health.Samples);
}
