using Platform.Traces;

namespace Platform.Regional.Forwarding;

/// <summary>How forwarding ended, for the trace and the request log line.</summary>
internal sealed record ForwardResult(
    string Outcome,
    string? Pool,
    string? Model,
    TimeSpan? TimeToFirstToken,
    ResponseCapture? Capture,
    IReadOnlyList<PoolAttempt> Attempts);

internal static class Outcomes
{
    public const string Ok = "ok";
    public const string ZoneUnavailable = "zone_unavailable";
    public const string UpstreamInterrupted = "upstream_interrupted";
    public const string ClientCancelled = "client_cancelled";
    public const string ConnectionError = "connection_error";
    public const string FirstByteTimeout = "first_byte_timeout";
    public const string EmptyStream = "empty_stream";

    /// <summary>A hedged call another pool beat to the first byte: cancelled, and never billed.</summary>
    public const string HedgeLost = "hedge_lost";

    public static string PoolStatus(int status) => $"http_{status}";
}
