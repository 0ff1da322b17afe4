using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Platform.Pii;

namespace Platform.Benchmarks.Pii;

/// <summary>
/// Per-call latency distribution of tagging a 4 KB prompt: back-to-back <see cref="PiiClassifier.Scan"/> calls on one
/// thread, each timed on its own, after a warm-up long enough for tiered JIT to settle. Prints p50/p90/p99/p99.9/max;
/// BenchmarkDotNet only hosts the run (one cold invocation), so read the printed <c>// LOADRUN</c> lines, not its Mean.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class TaggingLoadRun
{
    private const int WarmupCalls = 20_000;
    private const int MeasuredCalls = 200_000;

    [Params("dense", "mixed")]
    public string Prompt { get; set; } = "dense";

    [Benchmark]
    public void Run()
    {
        var text = TaggingPrompts.Build(Prompt == "dense" ? TaggingPrompts.Dense : TaggingPrompts.Mixed, 4 * 1024);
        var classifier = new PiiClassifier();
        var scan = classifier.Scan(text);
        for (var i = 1; i < WarmupCalls; i++)
        {
            classifier.Scan(text);
        }

        var latencies = new double[MeasuredCalls];
        for (var i = 0; i < MeasuredCalls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            classifier.Scan(text);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(latencies);
        string P(double q) => latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))].ToString("F1", CultureInfo.InvariantCulture);
        var mbPerSecond = Encoding.UTF8.GetByteCount(text) / latencies[latencies.Length / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// LOADRUN prompt={Prompt} chars={text.Length} findings={scan.Findings.Count} calls={MeasuredCalls} p50={P(0.5)}us p90={P(0.9)}us p99={P(0.99)}us p99.9={P(0.999)}us max={latencies[^1]:F1}us p50-rate={mbPerSecond:F0}MB/s"));
        Console.WriteLine($"// LOADRUN prompt={Prompt} types={string.Join(",", scan.Findings.Select(f => f.Type).Distinct().Order())}");
    }
}
