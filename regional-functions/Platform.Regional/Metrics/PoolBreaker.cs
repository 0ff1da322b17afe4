using Platform.Compliance;
using Platform.Regional.Routing;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.Regional.Metrics;

/// <summary>
/// One pool's circuit breaker (Polly) and health window. Polly counts failures before the first byte against
/// <see cref="PoolChoiceSettings.ErrorRateThreshold"/> over the window and lets one probe through after the break.
/// A latency breach (p99 time to first byte over the pool's nominal TTFT times <see cref="PoolChoiceSettings.P99BudgetFactor"/>,
/// over at least MinimumThroughput timed calls) is fed to Polly as a failure, so one mechanism decides ejection and
/// re-admission. Latency is judged only on calls since the last break ended, so the slow calls that opened the circuit
/// do not fail the probe that follows.
/// </summary>
internal sealed class PoolBreaker
{
    private readonly Lock _lock = new();
    private readonly HealthWindow _window;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly ResiliencePipeline<AttemptVerdict> _pipeline;
    private readonly TimeProvider _time;
    private readonly double _budgetMs;
    private readonly int _minimumThroughput;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    public PoolBreaker(Pool pool, PoolChoiceSettings choice, TimeProvider time)
    {
        _time = time;
        _window = new HealthWindow(choice.Window);
        _budgetMs = pool.Performance.TtftMs * choice.P99BudgetFactor;
        _minimumThroughput = choice.MinimumThroughput;
        _pipeline = new ResiliencePipelineBuilder<AttemptVerdict> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptVerdict>
            {
                FailureRatio = choice.ErrorRateThreshold,
                MinimumThroughput = choice.MinimumThroughput,
                SamplingDuration = choice.Window,
                BreakDuration = choice.BreakDuration,
                StateProvider = _state,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is null && (args.Outcome.Result.Failed || (args.Outcome.Result.Counts && LatencyBreached()))),
                OnOpened = args =>
                {
                    lock (_lock)
                    {
                        _openUntil = _time.GetUtcNow() + args.BreakDuration;
                    }

                    return default;
                },
            })
            .Build();
    }

    public PoolHealth Health()
    {
        var now = _time.GetUtcNow();
        WindowStats stats;
        DateTimeOffset openUntil;
        lock (_lock)
        {
            stats = _window.Stats(now);
            openUntil = _openUntil;
        }

        var circuit = _state.CircuitState switch
        {
            CircuitState.Closed => PoolCircuit.Closed,
            CircuitState.HalfOpen => PoolCircuit.HalfOpen,
            _ => PoolCircuit.Open,
        };
        return new PoolHealth(circuit, circuit == PoolCircuit.Open && now >= openUntil, stats.ErrorRate, stats.P99FirstByteMs, stats.Count);
    }

    /// <summary>
    /// Runs a call through the breaker and records it; null when the circuit refused it (open, or a probe already out).
    /// With <paramref name="bypass"/> the call goes ahead whatever the circuit says (every pool is out: trying beats failing).
    /// </summary>
    public async Task<T?> RunAsync<T>(bool bypass, Func<Task<T>> call, Func<T, AttemptVerdict> verdict)
        where T : class
    {
        T? result = null;
        if (bypass)
        {
            await RunAndRecordAsync(default);
            return result;
        }

        try
        {
            await _pipeline.ExecuteAsync(RunAndRecordAsync, CancellationToken.None);
        }
        catch (BrokenCircuitException)
        {
            return null;
        }

        return result;

        async ValueTask<AttemptVerdict> RunAndRecordAsync(CancellationToken _)
        {
            result = await call();
            var v = verdict(result);
            if (v.Counts)
            {
                lock (_lock)
                {
                    _window.Add(new HealthSample(_time.GetUtcNow(), v.Failed, v.FirstByteMs));
                }
            }

            return v;
        }
    }

    private bool LatencyBreached()
    {
        lock (_lock)
        {
            var since = _openUntil;
            var judged = WindowStats.Of(_window.Samples.Where(s => s.At >= since).ToArray());
            return judged.Timed >= _minimumThroughput && judged.P99FirstByteMs > _budgetMs;
        }
    }
}
