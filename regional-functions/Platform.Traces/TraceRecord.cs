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
    IReadOnlyList<PoolAttempt> Attempts);

/// <summary>A trace as stored: its object key and the moment after which it must no longer exist.</summary>
public sealed record StoredTrace(string Key, DateTimeOffset ExpiresAt, TraceRecord Trace);
