namespace Platform.GpuPools.Simulator.Metrics;

/// <summary>A Prometheus histogram: per-bucket counts (rendered cumulatively), sum and count.</summary>
internal sealed class Histogram(IReadOnlyList<double> upperBounds)
{
    private readonly Lock _lock = new();
    private readonly long[] _counts = new long[upperBounds.Count];
    private double _sum;
    private long _count;

    public IReadOnlyList<double> UpperBounds => upperBounds;

    public void Observe(double value)
    {
        lock (_lock)
        {
            for (var i = 0; i < upperBounds.Count; i++)
            {
                if (value <= upperBounds[i])
                {
                    _counts[i]++;
                    break;
                }
            }

            _sum += value;
            _count++;
        }
    }

    /// <summary>Cumulative counts per upper bound (the last entry is +Inf, i.e. the total), and the sum.</summary>
    public (long[] Cumulative, double Sum) Read()
    {
        lock (_lock)
        {
            var cumulative = new long[upperBounds.Count + 1];
            long running = 0;
            for (var i = 0; i < upperBounds.Count; i++)
            {
                running += _counts[i];
                cumulative[i] = running;
            }

            cumulative[^1] = _count;
            return (cumulative, _sum);
        }
    }
}
