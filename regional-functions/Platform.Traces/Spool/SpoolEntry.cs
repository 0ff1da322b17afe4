using System.Globalization;

namespace Platform.Traces.Spool;

/// <summary>A trace waiting on disk for its store, with the moment it must be gone by.</summary>
internal sealed record SpoolEntry(DateTimeOffset ExpiresAt, TraceRecord Trace)
{
    public const string Extension = ".json";

    /// <summary>
    /// <c>{expiry ticks}_{start ticks}_{request id}.json</c>: names sort by expiry (so oldest first), the sweep reads the
    /// expiry without opening the file, and the same trace spooled twice lands on the same name.
    /// </summary>
    public string FileName => string.Create(
        CultureInfo.InvariantCulture, $"{ExpiresAt.UtcTicks:D19}_{Trace.StartedAt.UtcTicks:D19}_{Trace.RequestId}{Extension}");

    public static DateTimeOffset? ExpiryOf(string fileName) =>
        fileName.Length > 19 && long.TryParse(fileName.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
