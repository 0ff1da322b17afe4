using Platform.Compliance;
using Platform.Contracts.OpenAi;

namespace Platform.Regional.Costing;

/// <summary>What a request paid for, by purpose.</summary>
internal enum CostKind
{
    /// <summary>The answer the client got.</summary>
    Answer,

    /// <summary>A judge call on the verifier pool.</summary>
    Verifier,

    /// <summary>An answer paid for but not returned: one the verifier rejected, or one cut short before a retry.</summary>
    Retry,
}

/// <summary>One pool call's tokens and their price (USD, from pools.yaml's prices per million tokens).</summary>
internal sealed record CostPart(CostKind Kind, string Pool, int InputTokens, int CachedInputTokens, int OutputTokens, decimal Usd);

/// <summary>A request's cost: the sum of its parts.</summary>
internal sealed record RequestCost(IReadOnlyList<CostPart> Parts)
{
    public static readonly RequestCost None = new([]);

    public decimal TotalUsd => Parts.Sum(p => p.Usd);

    public decimal Of(CostKind kind) => Parts.Where(p => p.Kind == kind).Sum(p => p.Usd);

    public RequestCost Add(CostPart? part) => part is null ? this : new([.. Parts, part]);

    public Platform.Traces.TraceCost ToTrace() => new(TotalUsd, Of(CostKind.Answer), Of(CostKind.Verifier), Of(CostKind.Retry));
}

internal static class Costs
{
    /// <summary>
    /// usage × the pool's price. Cached input (prompt_tokens_details.cached_tokens, when the pool reports it) is billed at
    /// the cached price; reasoning tokens are output tokens. Counts a pool reports out of range are clamped so a bad
    /// usage block can never make a cost negative.
    /// </summary>
    public static CostPart Of(CostKind kind, Pool pool, Usage? usage)
    {
        var input = Math.Max(0, usage?.PromptTokens ?? 0);
        var cached = Math.Clamp(usage?.PromptTokensDetails?.CachedTokens ?? 0, 0, input);
        var output = Math.Max(0, usage?.CompletionTokens ?? 0);
        return new CostPart(kind, pool.Id, input, cached, output, pool.Price.Cost(input, cached, output));
    }
}
