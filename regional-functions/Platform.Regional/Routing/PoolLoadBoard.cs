using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Platform.Regional.Metrics;

namespace Platform.Regional.Routing;

/// <summary>The latest scrape, in-flight count and circuit of each pool, written by the scraper and the forwarder, read per request.</summary>
internal sealed class PoolLoadBoard(RegionalSettings settings, PoolBreakers breakers)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Records a scrape (null: it failed); returns true when the pool's scrape went from working to failing or back.</summary>
    public bool RecordScrape(string poolId, PoolLoad? load)
    {
        var wasFailing = _entries.TryGetValue(poolId, out var before) && before.ScrapeFailed;
        _entries.AddOrUpdate(poolId, _ => new Entry(load, load is null), (_, e) => e with { Load = load ?? e.Load, ScrapeFailed = load is null });
        return wasFailing != (load is null);
    }

    /// <summary>Counts a request to the pool as in flight until the returned handle is disposed.</summary>
    public IDisposable Begin(string poolId)
    {
        var box = _inFlight.GetOrAdd(poolId, _ => new StrongBox<int>());
        Interlocked.Increment(ref box.Value);
        return new InFlight(box);
    }

    public IReadOnlyList<PoolState> Snapshot() =>
        settings.Routable.Select(p =>
        {
            var inFlight = _inFlight.TryGetValue(p.Pool.Id, out var box) ? Volatile.Read(ref box.Value) : 0;
            return _entries.TryGetValue(p.Pool.Id, out var e)
                ? new PoolState(p.Pool, e.Load, e.ScrapeFailed, inFlight, breakers.Health(p.Pool.Id), p.Provider)
                : new PoolState(p.Pool, null, false, inFlight, breakers.Health(p.Pool.Id), p.Provider);
        }).ToArray();

    private sealed class InFlight(StrongBox<int> box) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref box.Value);
            }
        }
    }

    private sealed record Entry(PoolLoad? Load, bool ScrapeFailed);
}
