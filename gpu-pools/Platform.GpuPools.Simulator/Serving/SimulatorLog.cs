namespace Platform.GpuPools.Simulator.Serving;

/// <summary>One line per chat request: counts and timings only, never prompt or answer text.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message =
        "Pool {Pool} {Outcome}: {Status}, prompt {PromptTokens} tokens, completion {CompletionTokens} tokens, queued {QueueMs} ms, first token {TtftMs} ms, total {TotalMs} ms")]
    public static partial void Request(
        ILogger logger, string pool, string outcome, int status, int promptTokens, int completionTokens, long queueMs, long? ttftMs, long totalMs);
}
