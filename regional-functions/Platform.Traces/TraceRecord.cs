using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;

namespace Platform.Traces;

/// <summary>One pool call made for a request: which pool, how it ended, and how long until its first byte.</summary>
public sealed record PoolAttempt(string Pool, string Outcome, double? TimeToFirstByteMs, double DurationMs);

/// <summary>
/// Everything a team needs to debug one request: its tags, where it ran, its timings and usage,
/// the reasoning and the answer. Lives only in the serving zone, and at most the zone's retention.
/// </summary>
public sealed record TraceRecord(
    string RequestId,
    string Zone,
    RequestTags Tags,
    string? Pool,
    string? Model,
    DateTimeOffset StartedAt,
    double? TimeToFirstTokenMs,
    double DurationMs,
    Usage? Usage,
    string? ReasoningContent,
    string? Answer,
    string Outcome,
    IReadOnlyList<PoolAttempt> Attempts)
{
    /// <summary>The tier that answered, after any promotion; null when no pool answered.</summary>
    public int? Tier { get; init; }

    /// <summary>The cap on max_completion_tokens the pool was sent (routing.yaml reasoning_budgets), when one applied.</summary>
    public int? CompletionTokenCap { get; init; }

    /// <summary>The answer stopped at the platform's cap (finish_reason "length" with the cap below the client's own limit).</summary>
    public bool BudgetCapped { get; init; }

    /// <summary>A zone system prompt for the request's locale was put in front of the messages.</summary>
    public bool SystemPromptAdded { get; init; }

    /// <summary>Answers judged and replaced by a higher tier's, oldest first: each with its tier, pool, answer and verdict.</summary>
    public IReadOnlyList<TraceEscalation>? Escalations { get; init; }

    public TraceCost? Cost { get; init; }
}

/// <summary>An answer the verifier judged: the judge's verdict and score, and the tier the request was promoted to (null: it stood).</summary>
public sealed record TraceEscalation(int Tier, string Pool, string? Answer, string Verdict, decimal? Score, int? PromotedTo, decimal AnswerCostUsd, decimal VerifierCostUsd);

/// <summary>What a request cost, USD: the answer returned, verifier calls, and answers paid for but not returned.</summary>
public sealed record TraceCost(decimal TotalUsd, decimal AnswerUsd, decimal VerifierUsd, decimal RetryUsd);

/// <summary>A trace as stored: its object key and the moment after which it must no longer exist.</summary>
public sealed record StoredTrace(string Key, DateTimeOffset ExpiresAt, TraceRecord Trace);
