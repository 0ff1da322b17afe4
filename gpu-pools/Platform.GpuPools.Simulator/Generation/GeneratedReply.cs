namespace Platform.GpuPools.Simulator.Generation;

/// <summary>What the simulated model would say with no token limit: reasoning (empty for non-reasoning models), then the answer. One list entry = one token.</summary>
internal sealed record GeneratedReply(IReadOnlyList<string> Reasoning, IReadOnlyList<string> Answer);
