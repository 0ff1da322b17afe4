using Platform.Compliance;

namespace Platform.Traces.Spool;

/// <summary>
/// The store the request path sees: a put lands in the zone's spool on local disk and returns; <see cref="SpoolDelivery"/>
/// hands it to the target store off the response path. Reads go to the target. Wraps any <see cref="ITraceStore"/>.
/// </summary>
internal sealed class SpoolingTraceStore : ITraceStore
{
    private readonly ITraceStore _target;
    private readonly Zone _zone;
    private readonly TraceSpool _spool;
    private readonly TimeProvider _time;

    public SpoolingTraceStore(ITraceStore target, Zone zone, TraceSpool spool, TimeProvider time)
    {
        if (target.Zone != zone.Id)
        {
            throw new ArgumentException($"The spool of zone '{zone.Id}' cannot deliver to a store of zone '{target.Zone}'.", nameof(target));
        }

        _target = target;
        _zone = zone;
        _spool = spool;
        _time = time;
    }

    public string Zone => _zone.Id;

    /// <summary>
    /// Spools the trace and returns where it will be stored. When the spool is full the trace is dropped, counted and
    /// reported (metric, log, health) but the call still returns: losing a trace must never fail a user's request.
    /// </summary>
    public Task<StoredTrace> PutAsync(TraceRecord trace, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        TraceZoneGuard.EnsureTrace(Zone, trace);
        var stored = new StoredTrace(TraceKeys.For(Zone, trace.StartedAt, trace.RequestId), TraceZoneGuard.Expiry(_zone, trace, expiresAt), trace);
        if (stored.ExpiresAt > _time.GetUtcNow())
        {
            _spool.TryAdd(new SpoolEntry(stored.ExpiresAt, trace));
        }

        return Task.FromResult(stored);
    }

    public Task<StoredTrace?> GetAsync(string key, CancellationToken cancellationToken) => _target.GetAsync(key, cancellationToken);

    public IAsyncEnumerable<StoredTrace> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        _target.ListAsync(from, to, cancellationToken);
}
