using System.Collections.Concurrent;

namespace Platform.Regional.Routing;

/// <summary>The latest scrape and error of each pool, written by the scraper and the forwarder, read per request.</summary>
internal sealed class PoolLoadBoard(RegionalSettings settings)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void RecordScrape(string poolId, PoolLoad? load) =>
        _entries.AddOrUpdate(poolId, _ => new Entry(load, load is null, null), (_, e) => e with { Load = load ?? e.Load, ScrapeFailed = load is null });

    public void RecordError(string poolId, DateTimeOffset at) =>
        _entries.AddOrUpdate(poolId, _ => new Entry(null, false, at), (_, e) => e with { LastErrorAt = at });

    public IReadOnlyList<PoolState> Snapshot() =>
        settings.Pools.Select(p => _entries.TryGetValue(p.Pool.Id, out var e)
            ? new PoolState(p.Pool, e.Load, e.ScrapeFailed, e.LastErrorAt)
            : new PoolState(p.Pool, null, false, null)).ToArray();

    private sealed record Entry(PoolLoad? Load, bool ScrapeFailed, DateTimeOffset? LastErrorAt);
}
