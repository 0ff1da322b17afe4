namespace Platform.GpuPools.Simulator.Scheduling;

/// <summary>A running request's place in the batch, and the tokens it holds in KV cache (prompt plus generated so far).</summary>
internal sealed class Slot : IDisposable
{
    private readonly ConcurrencyGate _gate;
    private long _tokens;

    internal Slot(ConcurrencyGate gate, int promptTokens)
    {
        _gate = gate;
        _tokens = promptTokens;
    }

    public long Tokens => Interlocked.Read(ref _tokens);

    public void AddGenerated(int tokens) => Interlocked.Add(ref _tokens, tokens);

    public void Dispose() => _gate.Release(this);
}
