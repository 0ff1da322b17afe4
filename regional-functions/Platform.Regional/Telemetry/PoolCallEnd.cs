using Platform.Contracts.OpenAi;

namespace Platform.Regional.Telemetry;

/// <summary>How one pool call ended: outcome, how long it took and to its first chunk, and the usage and finish reason the pool reported.</summary>
internal sealed record PoolCallEnd(string Outcome, TimeSpan Duration, TimeSpan? FirstChunk, Usage? Usage, string? FinishReason);
