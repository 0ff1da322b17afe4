namespace Platform.Edge;

/// <summary>The edge's log lines. They carry ids, zones, classes and counts; never a prompt, a PII value or a key.</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(1, LogLevel.Information, "Request {RequestId} tenant={Tenant} home={HomeZone} served={ServingZone} class={DataClass} locale={Locale} tier={CostTier} status={Status}")]
    public static partial void Routed(ILogger logger, string requestId, string tenant, string homeZone, string servingZone, string dataClass, string locale, int costTier, int status);

    [LoggerMessage(2, LogLevel.Warning, "Request {RequestId}: zone {Zone} cannot serve ({Reason})")]
    public static partial void ZoneUnavailable(ILogger logger, string requestId, string zone, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Request {RequestId} failed closed: class {DataClass} must stay in home zone {HomeZone}, which cannot serve")]
    public static partial void FailedClosed(ILogger logger, string requestId, string homeZone, string dataClass);

    [LoggerMessage(4, LogLevel.Warning, "Request {RequestId} (home {HomeZone}): no allowed zone can serve")]
    public static partial void NoZone(ILogger logger, string requestId, string homeZone);

    [LoggerMessage(5, LogLevel.Information, "Request {RequestId} rejected at the edge: {Status} {Code}")]
    public static partial void Rejected(ILogger logger, string requestId, int status, string code);

    [LoggerMessage(7, LogLevel.Error, "Request {RequestId}: zone {Zone} refused this edge's signed tags; check Edge:Zones:{Zone}:SigningKey against that zone's Regional:SigningKey, and the clocks")]
    public static partial void TagsRefused(ILogger logger, string requestId, string zone);
}
