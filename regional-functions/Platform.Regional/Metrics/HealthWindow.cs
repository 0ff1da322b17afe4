namespace Platform.Regional.Metrics;

/// <summary>
/// The calls of one pool that ended within the last <paramref name="span"/>, at most the last <paramref name="capacity"/>
/// of them, oldest first: the cap keeps a busy pool's statistics cheap (they are read on every routing decision) while
/// still enough for a p99. Time comes from the samples and the caller (never a clock of its own), so it is tested
/// without waiting. Not thread-safe: its owner locks.
/// </summary>
internal sealed class HealthWindow(TimeSpan span, int capacity = HealthWindow.DefaultCapacity)
{
    public const int DefaultCapacity = 1000;

    private readonly Queue<HealthSample> _samples = new();

    public TimeSpan Span => span;

    public IReadOnlyCollection<HealthSample> Samples => _samples;

    /// <summary>Adds a call that ended at <see cref="HealthSample.At"/> (which must not be earlier than the last one's) and forgets what is now too old.</summary>
    public void Add(HealthSample sample)
    {
        _samples.Enqueue(sample);
        if (_samples.Count > capacity)
        {
            _samples.Dequeue();
        }

        Forget(sample.At);
    }

    public WindowStats Stats(DateTimeOffset now)
    {
        Forget(now);
        return WindowStats.Of(_samples);
    }

    public void Clear() => _samples.Clear();

    private void Forget(DateTimeOffset now)
    {
        while (_samples.TryPeek(out var oldest) && now - oldest.At >= span)
        {
            _samples.Dequeue();
        }
    }
}
