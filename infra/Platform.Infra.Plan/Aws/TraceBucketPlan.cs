namespace Platform.Infra.Plan;

/// <summary>
/// The zone's reasoning-trace bucket: private, encrypted with the zone's own KMS key, and emptied by lifecycle
/// rules no later than the zone's retention. No replication (a copy could leave the zone) and no Object Lock
/// (it sets a minimum retention; ours is a maximum).
/// </summary>
public sealed record TraceBucketPlan(
    string Name,
    string Region,
    string Arn,
    string TracePrefix,
    string KmsKeyAlias,
    string KmsKeyDescription,
    int ExpirationDays,
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
}
