using Platform.Compliance;

namespace Platform.GpuPools.Simulator.Serving;

/// <summary>
/// When each token of a reply is due, counted from the moment the request gets its slot: the first after the
/// pool's TTFT, then one every 1/TokensPerSecond; both divided by the speed factor.
/// </summary>
internal sealed record TokenTiming(TimeSpan FirstToken, TimeSpan PerToken)
{
    public static TokenTiming For(Performance performance, double speedFactor) => new(
        TimeSpan.FromMilliseconds(performance.TtftMs / speedFactor),
        TimeSpan.FromSeconds(1.0 / (performance.TokensPerSecond * speedFactor)));

    public TimeSpan DueAt(int tokenIndex) => FirstToken + PerToken * tokenIndex;
}
