using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Platform.Contracts.OpenAi;

namespace Platform.Benchmarks.Traces;

/// <summary>
/// What a trace costs the request path, closed loop: serving one answer with no trace store, against serving it and
/// handing the trace to the S3 store (the spool, written to local disk and delivered to a real S3 gateway in the
/// background while the requests run), and against the same while S3 is down (traces pile up in the spool). Each
/// iteration is 2,048 requests; between iterations (unmeasured) the spool is drained, so every iteration starts from the
/// same state and the background work of its own requests overlaps it. See <see cref="BenchTraceStore"/> for the gateway.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[InvocationCount(2048)]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes what [GlobalSetup] made.
public class TracePathBenchmarks
#pragma warning restore CA1001
{
    private BenchTraceStore? _store;
    private long _n;

    [Params("none", "s3", "s3-down")]
    public string Store { get; set; } = "none";

    [GlobalSetup]
    public void Setup() => _store = Store == "none" ? null : BenchTraceStore.OpenAsync(Store).GetAwaiter().GetResult();

    [IterationCleanup]
    public void Drain()
    {
        if (_store is null)
        {
            return;
        }

        if (Store == "s3-down")
        {
            _store.Spool.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
            _store.Spool.RemoveExpired(DateTimeOffset.MaxValue);
            return;
        }

        _store.DrainAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_store is not null)
        {
            Console.WriteLine($"// {Store}: {_store.Summary()}");
            _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One answer served: the response serialised, and (unless there is no store) its trace handed to the store.</summary>
    [Benchmark]
    public async Task<int> ServeOneRequest()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(BenchTraceStore.Answer, ChatWire.Json);
        if (_store is not null)
        {
            var now = DateTimeOffset.UtcNow;
            await _store.Store.PutAsync(BenchTraceStore.Trace($"req-{Interlocked.Increment(ref _n)}", now), now.AddDays(30), CancellationToken.None);
        }

        return body.Length;
    }
}
