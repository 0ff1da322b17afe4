using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Traces;
using Platform.Traces.S3;
using Platform.Traces.Spool;

namespace Platform.Benchmarks.Traces;

/// <summary>
/// Serving latency at a steady load: requests arrive at a fixed rate (open loop, as clients do), each serves an answer and,
/// with a store, hands its trace to the S3 store (spool on disk, delivered to a real S3 gateway in the background). Prints
/// p50/p90/p99/max of the request-path time per store; BenchmarkDotNet only hosts the run (one cold invocation), so read
/// the printed lines, not its Mean. Gateway: <c>PLATFORM_TEST_S3_ENDPOINT</c> (default http://127.0.0.1:7480).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class TraceLoadRun
{
    private const int RequestsPerSecond = 250;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);
    private static readonly Zone Sgp = ComplianceModel.Embedded.Zone("sgp");

    [Params("none", "s3", "s3-down")]
    public string Store { get; set; } = "none";

    [Benchmark]
    public async Task Run()
    {
        var directory = Path.Combine(Path.GetTempPath(), "trace-load-" + Guid.NewGuid().ToString("N"));
        using var metrics = new TraceSpoolMetrics(null);
        TraceSpool? spool = null;
        SpoolDelivery? delivery = null;
        SpoolingTraceStore? store = null;
        if (Store != "none")
        {
            var endpoint = Environment.GetEnvironmentVariable("PLATFORM_TEST_S3_ENDPOINT") is { Length: > 0 } e ? e : "http://127.0.0.1:7480";
            var bucket = $"load-traces-sgp-{Guid.NewGuid():N}"[..40];
            var s3 = S3Clients.Create(new S3TraceStoreOptions
            {
                ServiceUrl = Store == "s3" ? endpoint : "http://127.0.0.1:9/",
                Region = "us-east-1", Bucket = bucket, AccessKey = "DEVAK", SecretKey = "DEVSK", ForcePathStyle = true,
            });
            if (Store == "s3")
            {
                await s3.PutBucketAsync(bucket);
                await TraceLifecycle.PutRuleAsync(s3, bucket, "sgp", 30, CancellationToken.None);
            }

            var target = new S3TraceStore(s3, bucket, Sgp, null, new TraceBucketGuard(s3, bucket, Sgp, TimeProvider.System), TimeProvider.System);
            spool = new TraceSpool(new TraceSpoolOptions(directory, 1L << 30, 1_000_000), metrics, NullLogger<TraceSpool>.Instance);
            delivery = new SpoolDelivery(spool, target, metrics, TimeProvider.System, NullLogger<SpoolDelivery>.Instance);
            await delivery.StartAsync(CancellationToken.None);
            store = new SpoolingTraceStore(target, Sgp, spool, TimeProvider.System);
        }

        var answer = Answer();
        var tags = new RequestTags
        {
            RequestId = "r", Tenant = "acme", Locale = "en-SG", DataClass = DataClass.None, PiiTypes = [], HomeZone = "sgp", ServingZone = "sgp",
            LatencyBudgetMs = 5000, CostTier = 0, MaxTier = 3, RequestedModel = "fast",
        };
        var total = (int)((Warmup + Measured).TotalSeconds * RequestsPerSecond);
        var warm = (int)(Warmup.TotalSeconds * RequestsPerSecond);
        var latencies = new double[total];
        var requests = new Task[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / RequestsPerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var n = i;
            requests[i] = Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                JsonSerializer.SerializeToUtf8Bytes(answer, ChatWire.Json);
                if (store is not null)
                {
                    var id = $"req-{n}";
                    var now = DateTimeOffset.UtcNow;
                    var m = answer.Choices[0].Message!;
                    await store.PutAsync(
                        new TraceRecord(id, "sgp", tags with { RequestId = id }, "sgp-h100-fast-a", "qwen3-8b", now, 180, 950, answer.Usage, m.ReasoningContent, m.Content, "ok", []),
                        now.AddDays(30),
                        CancellationToken.None);
                }

                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            });
        }

        await Task.WhenAll(requests);
        var measured = latencies[warm..].Order().ToArray();
        string P(double q) => measured[Math.Min(measured.Length - 1, (int)(q * measured.Length))].ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"// LOADRUN store={Store} rate={RequestsPerSecond}/s requests={measured.Length} p50={P(0.5)}us p90={P(0.9)}us p99={P(0.99)}us max={measured[^1]:F1}us");

        if (delivery is not null && spool is not null)
        {
            for (var waited = 0; Store == "s3" && spool.Count > 0 && waited < 60_000; waited += 100)
            {
                await Task.Delay(100);
            }

            await delivery.StopAsync(CancellationToken.None);
            Console.WriteLine($"// LOADRUN store={Store} spooled={metrics.Spooled} delivered={metrics.Delivered} dropped={metrics.Dropped} pending={spool.Count}");
            delivery.Dispose();
            await spool.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static ChatCompletion Answer() => new(
        "chatcmpl-1",
        "chat.completion",
        0,
        "qwen3-8b",
        [new ChatChoice(0, new ChatMessage("assistant", string.Concat(Enumerable.Repeat("The answer, with its reasons. ", 30)), string.Concat(Enumerable.Repeat("Consider the constraints one by one and check each. ", 80))), null, "stop")],
        new Usage(400, 900, 1300, new CompletionTokensDetails(600)));
}
