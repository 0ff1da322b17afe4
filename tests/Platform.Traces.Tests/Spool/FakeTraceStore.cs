using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.Traces.Tests.Spool;

/// <summary>A store the test can take down, or make refuse every trace; it counts every put it accepted, per key.</summary>
internal sealed class FakeTraceStore(string zone) : ITraceStore
{
    public ConcurrentDictionary<string, int> Puts { get; } = new();

    public bool Down { get; set; }

    public bool Refuses { get; set; }

    public string Zone => zone;

    public Task<StoredTrace> PutAsync(TraceRecord trace, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (Refuses)
        {
            throw new ArgumentException("not this store's trace");
        }

        if (Down)
        {
            throw new HttpRequestException("store down");
        }

        var key = TraceKeys.For(Zone, trace.StartedAt, trace.RequestId);
        Puts.AddOrUpdate(key, 1, (_, n) => n + 1);
        return Task.FromResult(new StoredTrace(key, expiresAt, trace));
    }

    public Task<StoredTrace?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult<StoredTrace?>(null);

    public async IAsyncEnumerable<StoredTrace> ListAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}
