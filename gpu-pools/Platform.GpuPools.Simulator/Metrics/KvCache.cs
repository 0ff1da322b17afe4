namespace Platform.GpuPools.Simulator.Metrics;

/// <summary>
/// How full the simulated KV cache is: every running request holds its prompt and generated tokens, and the
/// cache is sized for <see cref="TokensPerSlot"/> tokens per concurrency slot, so a full batch of average
/// requests reads about half full and long contexts push it towards 1, as on a real pool.
/// </summary>
internal static class KvCache
{
    public const int TokensPerSlot = 2048;

    public static double Usage(long runningTokens, int maxConcurrency) =>
        Math.Clamp(runningTokens / ((double)maxConcurrency * TokensPerSlot), 0, 1);
}
