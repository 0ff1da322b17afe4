using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Platform.Contracts.OpenAi;

namespace Platform.Benchmarks.Traces;

/// <summary>
/// Serving latency at a steady load: requests arrive at a fixed rate (open loop, as clients do), each serves an answer and,
/// with a store, hands its trace to the S3 store. Prints p50/p90/p99/max of the request-path time per store; BenchmarkDotNet
/// only hosts the run (one cold invocation), so read the printed <c>// LOADRUN</c> lines, not its Mean.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class TraceLoadRun
{
    private const int RequestsPerSecond = 250;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    [Params("none", "s3", "s3-down")]
    public string Store { get; set; } = "none";

    [Benchmark]
    public async Task Run()
    {
        var store = Store == "none" ? null : await BenchTraceStore.OpenAsync(Store);
        var total = (int)((Warmup + Measured).TotalSeconds * RequestsPerSecond);
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
                JsonSerializer.SerializeToUtf8Bytes(BenchTraceStore.Answer, ChatWire.Json);
                if (store is not null)
                {
                    var now = DateTimeOffset.UtcNow;
                    await store.Store.PutAsync(BenchTraceStore.Trace($"req-{n}", now), now.AddDays(30), CancellationToken.None);
                }

                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            });
        }

        await Task.WhenAll(requests);
        var measured = latencies[(int)(Warmup.TotalSeconds * RequestsPerSecond)..].Order().ToArray();
        string P(double q) => measured[Math.Min(measured.Length - 1, (int)(q * measured.Length))].ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"// LOADRUN store={Store} rate={RequestsPerSecond}/s requests={measured.Length} p50={P(0.5)}us p90={P(0.9)}us p99={P(0.99)}us max={measured[^1]:F1}us");
        if (store is not null)
        {
            if (Store == "s3")
            {
                await store.DrainAsync();
            }

            Console.WriteLine($"// LOADRUN store={Store} {store.Summary()}");
            await store.DisposeAsync();
        }
    }
}
