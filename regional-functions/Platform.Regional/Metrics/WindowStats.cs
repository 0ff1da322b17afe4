using Platform.Contracts.Statistics;

namespace Platform.Regional.Metrics;

/// <summary>
/// What a pool's health window says: how many calls, the share that failed, how many were timed to their first byte,
/// and the p99 of those times (null without a timed call).
/// </summary>
internal sealed record WindowStats(int Count, double ErrorRate, int Timed, double? P99FirstByteMs)
{
    public static WindowStats Of(IReadOnlyCollection<HealthSample> samples)
    {
        var latencies = samples.Where(s => s.FirstByteMs is not null).Select(s => s.FirstByteMs!.Value).Order().ToArray();
        return new WindowStats(
            samples.Count,
            samples.Count == 0 ? 0 : (double)samples.Count(s => s.Failed) / samples.Count,
            latencies.Length,
            Percentile.NearestRank(latencies, 0.99));
    }
}
