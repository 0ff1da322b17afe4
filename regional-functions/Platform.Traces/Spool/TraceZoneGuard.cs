using Platform.Compliance;

namespace Platform.Traces.Spool;

/// <summary>What every zone's store checks before it writes: the trace is of its own zone, and no trace outlives the zone's retention.</summary>
internal static class TraceZoneGuard
{
    public static void EnsureTrace(string zone, TraceRecord trace)
    {
        if (trace.Zone != zone)
        {
            throw new ArgumentException($"This store keeps traces of zone '{zone}' only; the trace belongs to '{trace.Zone}'.", nameof(trace));
        }
    }

    /// <summary>The caller's expiry, but never later than the trace's start plus the zone's retention.</summary>
    public static DateTimeOffset Expiry(Zone zone, TraceRecord trace, DateTimeOffset requested)
    {
        var latest = trace.StartedAt.AddDays(Math.Min(zone.Retention.TraceDays, Retention.MaxTraceDays));
        return requested < latest ? requested : latest;
    }
}
