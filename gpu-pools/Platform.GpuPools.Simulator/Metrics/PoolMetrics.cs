using Platform.GpuPools.Simulator.Hosting;
using Platform.GpuPools.Simulator.Scheduling;

namespace Platform.GpuPools.Simulator.Metrics;

/// <summary>
/// The subset of vLLM's /metrics (v1 engine, v0.11 names) the platform reads: queue gauges, KV-cache usage,
/// token counters, finished requests by reason, and the TTFT and end-to-end latency histograms, with vLLM's
/// labels (model_name, engine) and bucket bounds.
/// </summary>
internal sealed class PoolMetrics(SimulatorSettings settings, ConcurrencyGate gate)
{
    private static readonly double[] TtftBuckets =
        [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0];

    private static readonly double[] LatencyBuckets =
        [0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0];

    private static readonly string[] FinishReasons = ["stop", "length", "abort"];

    private readonly Histogram _ttft = new(TtftBuckets);
    private readonly Histogram _e2e = new(LatencyBuckets);
    private readonly long[] _finished = new long[FinishReasons.Length];
    private long _promptTokens;
    private long _generationTokens;

    public void Prompt(int tokens) => Interlocked.Add(ref _promptTokens, tokens);

    public void Generated(int tokens) => Interlocked.Add(ref _generationTokens, tokens);

    public void FirstToken(TimeSpan sinceArrival) => _ttft.Observe(sinceArrival.TotalSeconds);

    /// <summary>A request ended: "stop" or "length" when answered, "abort" when the client left or the connection was dropped.</summary>
    public void Finished(string reason, TimeSpan sinceArrival)
    {
        Interlocked.Increment(ref _finished[Array.IndexOf(FinishReasons, reason)]);
        if (reason != "abort")
        {
            _e2e.Observe(sinceArrival.TotalSeconds);
        }
    }

    public string Render()
    {
        var (running, waiting, runningTokens) = gate.Snapshot();
        var text = new PrometheusText([("model_name", settings.Pool.Model.Id), ("engine", "0")]);
        text.Gauge("vllm:num_requests_running", "Number of requests in model execution batches.", running);
        text.Gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", waiting);
        text.Gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", KvCache.Usage(runningTokens, gate.Capacity));
        text.Counter("vllm:prompt_tokens", "Number of prefill tokens processed.", Interlocked.Read(ref _promptTokens));
        text.Counter("vllm:generation_tokens", "Number of generation tokens processed.", Interlocked.Read(ref _generationTokens));
        text.Counter(
            "vllm:request_success",
            "Count of successfully processed requests.",
            FinishReasons.Select((r, i) => (((string, string)?)("finished_reason", r), (double)Interlocked.Read(ref _finished[i]))));
        text.Histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", _ttft);
        text.Histogram("vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.", _e2e);
        return text.ToString();
    }
}
