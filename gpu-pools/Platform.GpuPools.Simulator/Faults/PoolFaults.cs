namespace Platform.GpuPools.Simulator.Faults;

/// <summary>
/// The pool's current faults, changeable while it runs: by tests in the same process
/// (<c>app.Services.GetRequiredService&lt;PoolFaults&gt;()</c>) or over HTTP (<c>PUT /admin/faults</c>).
/// Each request reads one consistent snapshot when it arrives.
/// </summary>
public sealed class PoolFaults
{
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private FaultSettings _current;

    internal PoolFaults(FaultSettings initial, Random random)
    {
        _current = initial;
        _random = random;
    }

    public FaultSettings Current => Volatile.Read(ref _current);

    /// <summary>Replaces all faults at once.</summary>
    public void Set(FaultSettings settings)
    {
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        Volatile.Write(ref _current, settings);
    }

    public void Clear() => Set(FaultSettings.None);

    public void SetErrorRate(double errorRate) => Update(s => s with { ErrorRate = errorRate });

    public void SetHang(bool hang) => Update(s => s with { Hang = hang });

    public void SetDropAfterTokens(int? tokens) => Update(s => s with { DropAfterTokens = tokens });

    public void SetDown(bool down) => Update(s => s with { Down = down });

    public void SetExtraLatencyMs(int milliseconds) => Update(s => s with { ExtraLatencyMs = milliseconds });

    public void SetJudgeRejectRate(double rate) => Update(s => s with { JudgeRejectRate = rate });

    /// <summary>Draws whether this request fails under <paramref name="settings"/>' error rate.</summary>
    internal bool DrawError(FaultSettings settings)
    {
        if (settings.ErrorRate <= 0)
        {
            return false;
        }

        double sample;
        lock (_randomLock)
        {
            sample = _random.NextDouble();
        }

        return sample < settings.ErrorRate;
    }

    private void Update(Func<FaultSettings, FaultSettings> change)
    {
        while (true)
        {
            var before = Current;
            var after = change(before);
            if (after.Problem() is { } problem)
            {
                throw new ArgumentException(problem);
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, after, before), before))
            {
                return;
            }
        }
    }
}
