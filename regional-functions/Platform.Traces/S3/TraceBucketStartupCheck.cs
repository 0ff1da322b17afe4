using Amazon.S3;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Traces.S3;

/// <summary>
/// Refuses to start the app when the zone's bucket would keep what the guard protects (traces, or decision records)
/// past its retention (or is missing, or not ours to write). When S3 cannot be reached at all, serving starts: traces
/// wait in the spool, and every writer checks the bucket again before its first write.
/// </summary>
internal sealed partial class TraceBucketStartupCheck(TraceBucketGuard guard, string bucket, ILogger<TraceBucketStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LifecycleVerdict verdict;
        try
        {
            verdict = await guard.CheckAsync(cancellationToken);
        }
        catch (AmazonS3Exception e) when (TraceLifecycle.IsAboutTheBucket(e))
        {
            throw new TraceBucketRefusedException(
                $"Refusing to start: the bucket '{bucket}' for {guard.Required.Holds} cannot be used ({(int)e.StatusCode} {e.ErrorCode}). Fix: create it in the zone (the deployment plan does) and grant this function s3:GetLifecycleConfiguration and s3:GetBucketVersioning on it, s3:PutObject, s3:PutObjectTagging, s3:GetObject and s3:DeleteObject under '{guard.Required.Prefix}', and s3:ListBucket for that prefix.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, bucket, e.GetType().Name, guard.Required.Holds);
            return;
        }

        if (!verdict.Accepted)
        {
            throw new TraceBucketRefusedException(verdict.Message);
        }

        LogAccepted(logger, verdict.Message);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bucket '{Bucket}' unreachable at start-up ({Error}); serving, and {What} are written only once its lifecycle is verified.")]
    private static partial void LogUnreachable(ILogger logger, string bucket, string error, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verdict}")]
    private static partial void LogAccepted(ILogger logger, string verdict);
}
