using System.Diagnostics.Metrics;

namespace Platform.Traces.Spool;

/// <summary>
/// The spool's counters on the <c>Platform.Traces</c> meter (<c>platform.traces.spooled|delivered|dropped|expired_in_spool</c>),
/// also kept as totals for the health check.
/// </summary>
internal sealed class TraceSpoolMetrics : IDisposable
{
    public const string MeterName = "Platform.Traces";

    private readonly Counter<long> _spooled;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _expired;
    private long _spooledTotal;
    private long _deliveredTotal;
    private long _droppedTotal;
    private long _expiredTotal;

    public TraceSpoolMetrics(IMeterFactory? meterFactory)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _spooled = Meter.CreateCounter<long>("platform.traces.spooled", "{trace}", "Traces accepted into the zone's spool.");
        _delivered = Meter.CreateCounter<long>("platform.traces.delivered", "{trace}", "Traces delivered from the spool to the zone's store.");
        _dropped = Meter.CreateCounter<long>("platform.traces.dropped", "{trace}", "Traces lost: spool full, refused by the store, or unreadable.");
        _expired = Meter.CreateCounter<long>("platform.traces.expired_in_spool", "{trace}", "Traces deleted from the spool at their expiry, never delivered late.");
    }

    public Meter Meter { get; }

    public long Spooled => Interlocked.Read(ref _spooledTotal);

    public long Delivered => Interlocked.Read(ref _deliveredTotal);

    public long Dropped => Interlocked.Read(ref _droppedTotal);

    public long Expired => Interlocked.Read(ref _expiredTotal);

    public void CountSpooled()
    {
        Interlocked.Increment(ref _spooledTotal);
        _spooled.Add(1);
    }

    public void CountDelivered()
    {
        Interlocked.Increment(ref _deliveredTotal);
        _delivered.Add(1);
    }

    public void CountDropped(string reason)
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void CountExpired(int count)
    {
        Interlocked.Add(ref _expiredTotal, count);
        _expired.Add(count);
    }

    public void Dispose() => Meter.Dispose();
}
