using Amazon.S3;
using Platform.Compliance;

namespace Platform.Traces.S3;

/// <summary>Thrown when a bucket's lifecycle would keep a zone's traces past its retention; the message names the fix.</summary>
internal sealed class TraceBucketRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Holds the verdict on the zone's bucket: writes wait for an accepting one, and it is read again every
/// <see cref="RecheckAfter"/> so a rule removed later stops writes too (the spool keeps the traces meanwhile).
/// </summary>
internal sealed class TraceBucketGuard(IAmazonS3 s3, string bucket, Zone zone, TimeProvider time)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromHours(1);

    private DateTimeOffset _acceptedAt = DateTimeOffset.MinValue;

    public async Task<LifecycleVerdict> CheckAsync(CancellationToken cancellationToken)
    {
        var verdict = LifecycleCheck.Decide(await TraceLifecycle.ReadAsync(s3, bucket, cancellationToken), zone.Id, zone.Retention.TraceDays);
        _acceptedAt = verdict.Accepted ? time.GetUtcNow() : DateTimeOffset.MinValue;
        return verdict;
    }

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _acceptedAt < RecheckAfter)
        {
            return;
        }

        // Concurrent writers may each read the lifecycle once when it is due: harmless, and no lock on the write path.
        if (await CheckAsync(cancellationToken) is { Accepted: false } verdict)
        {
            throw new TraceBucketRefusedException(verdict.Message);
        }
    }
}
