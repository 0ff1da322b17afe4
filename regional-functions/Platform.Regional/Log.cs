namespace Platform.Regional;

/// <summary>Every log line of the regional function: ids, zones, pools, outcomes, timings and counts; never prompt, answer, PII or key.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} serving with pools {Available}; unavailable (no endpoint configured): {Unavailable}")]
    public static partial void Started(ILogger logger, string zone, string available, string unavailable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zone {Zone} routes tier 3 also to external providers {Providers}")]
    public static partial void ProvidersRoutable(ILogger logger, string zone, string providers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zone {Zone}: external providers {Providers} are not routable: no Regional:Providers:<name>:ApiKey configured")]
    public static partial void ProvidersWithoutKey(ILogger logger, string zone, string providers);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Request {RequestId} zone={Zone} pool={Pool} outcome={Outcome} status={Status} duration_ms={DurationMs:F0} ttft_ms={TtftMs:F0} prompt_tokens={PromptTokens} completion_tokens={CompletionTokens} attempts={Attempts} route=\"{Route}\"")]
    public static partial void RequestCompleted(
        ILogger logger, string requestId, string zone, string? pool, string outcome, int status, double durationMs, double? ttftMs, int? promptTokens, int? completionTokens, int attempts, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request in zone {Zone}: {Status} {Code}")]
    public static partial void Refused(ILogger logger, string zone, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: pool {Pool} failed before answering ({Outcome})")]
    public static partial void PoolAttemptFailed(ILogger logger, string requestId, string pool, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scraping the metrics of pool {Pool} failed; it is tried last until a scrape succeeds")]
    public static partial void ScrapeFailed(ILogger logger, string pool);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scraping the metrics of pool {Pool} works again")]
    public static partial void ScrapeRecovered(ILogger logger, string pool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trace of request {RequestId} dropped: the trace queue is full")]
    public static partial void TraceDropped(ILogger logger, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the trace of request {RequestId} failed ({Error})")]
    public static partial void TraceWriteFailed(ILogger logger, string requestId, string error);
}
