namespace Platform.Contracts.Statistics;

/// <summary>Percentiles as the platform reports them everywhere (health windows, replay, load runs).</summary>
public static class Percentile
{
    /// <summary>
    /// Nearest-rank percentile of values sorted ascending: no interpolation, so it is always an observed value;
    /// null when there are none.
    /// </summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
