using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Traces;
using Platform.Traces.S3;
using Platform.Traces.Spool;

namespace Platform.Benchmarks.Traces;

/// <summary>
/// What a trace costs the request path: serving one answer with no trace store, against serving it and handing the trace
/// to the S3 store (the spool, written to local disk and delivered to a real S3 gateway in the background while the
/// requests run), and against the same while S3 is down (traces pile up in the spool). Each iteration is 2,048
/// requests; between iterations (unmeasured) the spool is drained, so every iteration starts from the same state and the
/// background work of its own requests overlaps it. The gateway is <c>PLATFORM_TEST_S3_ENDPOINT</c>
/// (default http://127.0.0.1:7480; start one with <c>.ci/ceph-s3.sh start /tmp/ceph 7480</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
[InvocationCount(2048)]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes what [GlobalSetup] made.
public class TracePathBenchmarks
#pragma warning restore CA1001
{
    private static readonly Zone Sgp = ComplianceModel.Embedded.Zone("sgp");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "trace-bench-" + Guid.NewGuid().ToString("N"));
    private TraceSpoolMetrics _metrics = null!;
    private TraceSpool _spool = null!;
    private SpoolDelivery _delivery = null!;
    private SpoolingTraceStore? _store;
    private ChatCompletion _answer = null!;
    private RequestTags _tags = null!;
    private long _n;

    [Params("none", "s3", "s3-down")]
    public string Store { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        var reasoning = string.Concat(Enumerable.Repeat("Consider the constraints one by one and check each. ", 80));
        _answer = new ChatCompletion("chatcmpl-1", "chat.completion", 0, "qwen3-8b",
            [new ChatChoice(0, new ChatMessage("assistant", string.Concat(Enumerable.Repeat("The answer, with its reasons. ", 30)), reasoning), null, "stop")],
            new Usage(400, 900, 1300, new CompletionTokensDetails(600)));
        _tags = new RequestTags
        {
            RequestId = "r", Tenant = "acme", Locale = "en-SG", DataClass = DataClass.None, PiiTypes = [], HomeZone = "sgp", ServingZone = "sgp",
            LatencyBudgetMs = 5000, CostTier = 0, MaxTier = 3, RequestedModel = "fast",
        };
        if (Store == "none")
        {
            return;
        }

        var endpoint = Environment.GetEnvironmentVariable("PLATFORM_TEST_S3_ENDPOINT") is { Length: > 0 } e ? e : "http://127.0.0.1:7480";
        var bucket = $"bench-traces-sgp-{Guid.NewGuid():N}"[..40];
        var options = new S3TraceStoreOptions
        {
            ServiceUrl = Store == "s3" ? endpoint : "http://127.0.0.1:9/",
            Region = "us-east-1", Bucket = bucket, AccessKey = "DEVAK", SecretKey = "DEVSK", ForcePathStyle = true,
        };
        var s3 = S3Clients.Create(options);
        if (Store == "s3")
        {
            s3.PutBucketAsync(bucket).GetAwaiter().GetResult();
            TraceLifecycle.PutRuleAsync(s3, bucket, "sgp", 30, CancellationToken.None).GetAwaiter().GetResult();
        }

        var target = new S3TraceStore(s3, bucket, Sgp, null, new TraceBucketGuard(s3, bucket, Sgp, TimeProvider.System), TimeProvider.System);
        _metrics = new TraceSpoolMetrics(null);
        _spool = new TraceSpool(new TraceSpoolOptions(_directory, 1L << 30, 1_000_000), _metrics, NullLogger<TraceSpool>.Instance);
        _delivery = new SpoolDelivery(_spool, target, _metrics, TimeProvider.System, NullLogger<SpoolDelivery>.Instance);
        _delivery.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _store = new SpoolingTraceStore(target, Sgp, _spool, TimeProvider.System);
    }

    [IterationCleanup]
    public void Drain()
    {
        if (_spool is null)
        {
            return;
        }

        _spool.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (Store == "s3-down")
        {
            _spool.RemoveExpired(DateTimeOffset.MaxValue);
            return;
        }

        for (var waited = 0; _spool.Count > 0 && waited < 120_000; waited += 50)
        {
            Thread.Sleep(50);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_delivery is not null)
        {
            _delivery.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"// {Store}: spooled {_metrics.Spooled}, delivered {_metrics.Delivered}, dropped {_metrics.Dropped}, still pending {_spool.Count}");
            _delivery.Dispose();
            _spool.Dispose();
            _metrics.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>One answer served: the response serialised, and (unless there is no store) its trace handed to the store.</summary>
    [Benchmark]
    public async Task<int> ServeOneRequest()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(_answer, ChatWire.Json);
        if (_store is not null)
        {
            var id = $"req-{Interlocked.Increment(ref _n)}";
            var now = DateTimeOffset.UtcNow;
            var message = _answer.Choices[0].Message!;
            var trace = new TraceRecord(id, "sgp", _tags with { RequestId = id }, "sgp-h100-fast-a", "qwen3-8b", now, 180, 950, _answer.Usage,
                message.ReasoningContent, message.Content, "ok", [new PoolAttempt("sgp-h100-fast-a", "ok", 180, 950)]);
            await _store.PutAsync(trace, now.AddDays(30), CancellationToken.None);
        }

        return body.Length;
    }
}
