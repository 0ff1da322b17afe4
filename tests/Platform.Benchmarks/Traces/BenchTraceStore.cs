using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Traces;
using Platform.Traces.S3;
using Platform.Traces.Spool;

namespace Platform.Benchmarks.Traces;

/// <summary>
/// The store a benchmark puts traces into, built as the regional function builds it for <c>Regional:Traces:Store=s3</c>:
/// "s3" delivers to the gateway at <c>PLATFORM_TEST_S3_ENDPOINT</c> (default http://127.0.0.1:7480) into a fresh bucket
/// with the 30-day rule; "s3-down" points at a closed port. Also the answer and trace every request serves.
/// </summary>
internal sealed class BenchTraceStore : IAsyncDisposable
{
    private static readonly Zone Sgp = ComplianceModel.Embedded.Zone("sgp");

    private static readonly RequestTags Tags = new()
    {
        RequestId = "r", Tenant = "acme", Locale = "en-SG", DataClass = DataClass.None, PiiTypes = [], HomeZone = "sgp", ServingZone = "sgp",
        LatencyBudgetMs = 5000, CostTier = 0, MaxTier = 3, RequestedModel = "fast",
    };

    private readonly string _directory;
    private readonly SpoolDelivery _delivery;

    private BenchTraceStore(string directory, TraceSpoolMetrics metrics, TraceSpool spool, SpoolDelivery delivery, SpoolingTraceStore store)
    {
        _directory = directory;
        Metrics = metrics;
        Spool = spool;
        _delivery = delivery;
        Store = store;
    }

    /// <summary>About 5 KB of answer and reasoning, like a short reasoning-model reply.</summary>
    public static ChatCompletion Answer { get; } = new(
        "chatcmpl-1",
        "chat.completion",
        0,
        "qwen3-8b",
        [new ChatChoice(0, new ChatMessage("assistant", string.Concat(Enumerable.Repeat("The answer, with its reasons. ", 30)), string.Concat(Enumerable.Repeat("Consider the constraints one by one and check each. ", 80))), null, "stop")],
        new Usage(400, 900, 1300, new CompletionTokensDetails(600)));

    public TraceSpoolMetrics Metrics { get; }

    public TraceSpool Spool { get; }

    public SpoolingTraceStore Store { get; }

    public static TraceRecord Trace(string id, DateTimeOffset now)
    {
        var m = Answer.Choices[0].Message!;
        return new TraceRecord(id, "sgp", Tags with { RequestId = id }, "sgp-h100-fast-a", "qwen3-8b", now, 180, 950, Answer.Usage,
            m.ReasoningContent, m.Content, "ok", [new PoolAttempt("sgp-h100-fast-a", "ok", 180, 950)]);
    }

    public static async Task<BenchTraceStore> OpenAsync(string kind)
    {
        var endpoint = Environment.GetEnvironmentVariable("PLATFORM_TEST_S3_ENDPOINT") is { Length: > 0 } e ? e : "http://127.0.0.1:7480";
        var bucket = $"bench-traces-sgp-{Guid.NewGuid():N}"[..40];
        var s3 = S3Clients.Create(new S3TraceStoreOptions
        {
            ServiceUrl = kind == "s3" ? endpoint : "http://127.0.0.1:9/",
            Region = "us-east-1", Bucket = bucket, AccessKey = "DEVAK", SecretKey = "DEVSK", ForcePathStyle = true,
        });
        if (kind == "s3")
        {
            await s3.PutBucketAsync(bucket);
            await TraceLifecycle.PutRuleAsync(s3, bucket, "sgp", 30, CancellationToken.None);
        }

        var target = new S3TraceStore(s3, bucket, Sgp, null, new TraceBucketGuard(s3, bucket, Sgp, TimeProvider.System), TimeProvider.System);
        var directory = Path.Combine(Path.GetTempPath(), "trace-bench-" + Guid.NewGuid().ToString("N"));
        var metrics = new TraceSpoolMetrics(null);
        var spool = new TraceSpool(new TraceSpoolOptions(directory, 1L << 30, 1_000_000), metrics, NullLogger<TraceSpool>.Instance);
        var delivery = new SpoolDelivery(spool, target, metrics, TimeProvider.System, NullLogger<SpoolDelivery>.Instance);
        await delivery.StartAsync(CancellationToken.None);
        return new BenchTraceStore(directory, metrics, spool, delivery, new SpoolingTraceStore(target, Sgp, spool, TimeProvider.System));
    }

    /// <summary>Waits (bounded) until every trace put so far is delivered.</summary>
    public async Task DrainAsync()
    {
        await Spool.FlushAsync(CancellationToken.None);
        for (var waited = 0; Spool.Count > 0 && waited < 120_000; waited += 50)
        {
            await Task.Delay(50);
        }
    }

    public string Summary() => $"spooled {Metrics.Spooled}, delivered {Metrics.Delivered}, dropped {Metrics.Dropped}, pending {Spool.Count}";

    public async ValueTask DisposeAsync()
    {
        await _delivery.StopAsync(CancellationToken.None);
        _delivery.Dispose();
        await Spool.DisposeAsync();
        Metrics.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
