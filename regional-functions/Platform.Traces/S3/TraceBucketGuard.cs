using Amazon.S3;
using Platform.Compliance;

namespace Platform.Traces.S3;

/// <summary>Thrown when a bucket's lifecycle would keep a zone's objects past their retention; the message names the fix.</summary>
internal sealed class TraceBucketRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// Holds the verdict on the zone's bucket for one required rule (traces, or decision records): writes wait for an
/// accepting one, and it is read again every <see cref="RecheckAfter"/> so a rule removed later stops writes too.
/// </summary>
internal sealed class TraceBucketGuard(IAmazonS3 s3, string bucket, LifecycleRuleSpec required, TimeProvider time)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromHours(1);

    private DateTimeOffset _acceptedAt = DateTimeOffset.MinValue;

    /// <summary>The guard of the zone's traces: the rule that holds them to the zone's trace retention.</summary>
    public TraceBucketGuard(IAmazonS3 s3, string bucket, Zone zone, TimeProvider time)
        : this(s3, bucket, LifecycleRuleSpec.Traces(zone.Id, zone.Retention.TraceDays), time)
    {
    }

    public LifecycleRuleSpec Required => required;

    public async Task<LifecycleVerdict> CheckAsync(CancellationToken cancellationToken)
    {
        var verdict = LifecycleCheck.Decide(await TraceLifecycle.ReadAsync(s3, bucket, cancellationToken), required);
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
