namespace Platform.Cli.Replay;

/// <summary>What one replayed request came back with: where it was served, its usage, what it cost and how long it took.</summary>
internal sealed record ReplayCall(
    int Status,
    string? Zone,
    string? Pool,
    int InputTokens,
    int OutputTokens,
    int ReasoningTokens,
    decimal? ReportedCostUsd,
    double LatencyMs);
