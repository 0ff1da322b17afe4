using Platform.Traces.S3;

namespace Platform.Infra.Plan;

/// <summary>
/// The zone's reasoning-trace bucket: private, encrypted with the zone's own KMS key, and emptied by lifecycle
/// rules no later than the zone's retention. No replication (a copy could leave the zone) and no Object Lock
/// (it sets a minimum retention; ours is a maximum).
/// </summary>
/// <param name="ExpirationDays">The most days a trace stays in the bucket after it was written: the zone's retention, or the stack's lower one.</param>
/// <param name="TraceRule">
/// The lifecycle rule that holds traces to <paramref name="ExpirationDays"/>: the very rule the regional function's
/// start-up check asks for (its Days are one fewer, since S3 rounds up to the next midnight UTC).
/// </param>
/// <param name="DecisionRule">The lifecycle rule that holds the zone's decision records (<c>decisions/{zone}/</c>) to its <c>decision_log_days</c>.</param>
public sealed record TraceBucketPlan(
    string Name,
    string Region,
    string Arn,
    string TracePrefix,
    string KmsKeyAlias,
    string KmsKeyDescription,
    int ExpirationDays,
    LifecycleRuleSpec TraceRule,
    LifecycleRuleSpec DecisionRule,
    int NoncurrentVersionExpirationDays,
    int AbortIncompleteMultipartUploadDays,
    bool Versioning,
    bool BlockPublicAccess,
    string ObjectOwnership,
    bool Replication,
    bool ObjectLock,
    string PolicyJson,
    IReadOnlyDictionary<string, string> Tags)
{
    public string ObjectsArn => $"{Arn}/*";
    public string TraceObjectsArn => $"{Arn}/{TracePrefix}*";
    public string DecisionObjectsArn => $"{Arn}/{DecisionRule.Prefix}*";
}
