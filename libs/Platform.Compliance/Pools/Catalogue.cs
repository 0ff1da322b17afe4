namespace Platform.Compliance;

public sealed record Tier(int Level, string Alias, string Description);

public sealed record Accelerator(string Id, string Vendor, string Runtime, string Image, string Resource, int MemoryGb, bool ExportControlled);

public sealed record ModelSpec(string Id, string Source, int Tier, bool Reasoning, string? ReasoningParser);

/// <summary>USD per million tokens.</summary>
public sealed record Price(decimal Input, decimal CachedInput, decimal Output)
{
    public decimal Cost(long inputTokens, long cachedInputTokens, long outputTokens) =>
        ((inputTokens - cachedInputTokens) * Input + cachedInputTokens * CachedInput + outputTokens * Output) / 1_000_000m;
}

public sealed record Performance(int TtftMs, int TokensPerSecond);

/// <summary>One vLLM (or vLLM-Ascend) deployment serving one model in one zone (pools.yaml).</summary>
public sealed record Pool(
    string Id,
    string Zone,
    Accelerator Accelerator,
    ModelSpec Model,
    int Replicas,
    int AcceleratorsPerReplica,
    int MaxConcurrency,
    Price Price,
    Performance Performance,
    Origin Origin)
{
    public int Tier => Model.Tier;
}
