namespace Platform.Regional.Routing;

internal enum PoolCircuit
{
    /// <summary>Taking requests.</summary>
    Closed,

    /// <summary>Ejected: over its error-rate or latency threshold; takes nothing until the break has elapsed.</summary>
    Open,

    /// <summary>One probe request is in flight; its outcome closes or reopens the circuit.</summary>
    HalfOpen,
}

/// <summary>
/// A pool's health as its circuit breaker and sliding window see it: whether it may be sent a request now, and
/// the error rate and p99 time to first byte of the window (for <c>/healthz</c> and the route reason).
/// </summary>
internal sealed record PoolHealth(PoolCircuit Circuit, bool ProbeDue, double ErrorRate, double? P99FirstByteMs, int Samples)
{
    public static readonly PoolHealth Unknown = new(PoolCircuit.Closed, false, 0, null, 0);

    /// <summary>A closed circuit takes requests; an open one only once its break has elapsed (the probe); a half-open one is already probing.</summary>
    public bool Admits => Circuit == PoolCircuit.Closed || (Circuit == PoolCircuit.Open && ProbeDue);
}
