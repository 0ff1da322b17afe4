using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Traces.Spool;

/// <summary>Degraded, not unhealthy, while traces are being dropped or wait on a failing store: the function still serves.</summary>
internal sealed class TraceSpoolHealthCheck(TraceSpool spool, SpoolDelivery delivery, TraceSpoolMetrics metrics, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan FailingGrace = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["pending"] = spool.Count,
            ["bytes"] = spool.Bytes,
            ["delivered"] = metrics.Delivered,
            ["dropped"] = metrics.Dropped,
            ["expired_in_spool"] = metrics.Expired,
        };
        if (spool.IsFull)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Trace spool full: new traces are dropped ({metrics.Dropped} so far) until the store catches up.", data: data));
        }

        if (delivery.FailingSince is { } since && time.GetUtcNow() - since >= FailingGrace)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Trace store failing since {since:u}; {spool.Count} traces wait in the spool.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{spool.Count} traces waiting; {metrics.Dropped} dropped since start.", data));
    }
}
