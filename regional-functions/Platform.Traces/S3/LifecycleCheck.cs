namespace Platform.Traces.S3;

/// <summary>One lifecycle rule as read from the bucket, reduced to what decides whether it deletes traces in time.</summary>
internal sealed record LifecycleRuleFact(string? Id, bool Enabled, string? Prefix, bool NarrowedByTagOrSize, int? ExpirationDays, int? NoncurrentDays);

/// <summary>The bucket's facts: its rules, and whether versioning ever was on (then old versions must expire too).</summary>
internal sealed record BucketLifecycleFacts(string Bucket, IReadOnlyList<LifecycleRuleFact> Rules, bool Versioned);

internal sealed record LifecycleVerdict(bool Accepted, string Message);

/// <summary>
/// Decides whether a bucket's lifecycle deletes a zone's traces within its retention: an enabled rule that covers the
/// zone's trace prefix (or the whole bucket), is not narrowed by tags or size, and expires objects after at most the
/// retention in days (and, on a versioned bucket, their old versions too).
/// </summary>
internal static class LifecycleCheck
{
    public static LifecycleVerdict Decide(BucketLifecycleFacts facts, string zone, int retentionDays)
    {
        var prefix = TraceKeys.Prefix(zone);
        var covering = facts.Rules.Where(r => r.Enabled && !r.NarrowedByTagOrSize && prefix.StartsWith(r.Prefix ?? "", StringComparison.Ordinal)).ToArray();
        var expires = covering.Any(r => r.ExpirationDays is > 0 && r.ExpirationDays <= retentionDays);
        var oldVersionsExpire = !facts.Versioned || covering.Any(r => r.NoncurrentDays is > 0 && r.NoncurrentDays <= retentionDays);
        if (expires && oldVersionsExpire)
        {
            return new LifecycleVerdict(true, $"Bucket '{facts.Bucket}' expires '{prefix}' within {retentionDays} days.");
        }

        var found = facts.Rules.Count == 0 ? "no lifecycle rule at all" : string.Join("; ", facts.Rules.Select(Describe));
        var missing = !expires
            ? $"no enabled rule expires '{prefix}' within the zone's {retentionDays}-day trace retention"
            : $"versioning is on and no enabled rule expires old versions under '{prefix}' within {retentionDays} days";
        var fix = $"add an enabled lifecycle rule with prefix '{prefix}' (or none), Expiration Days <= {retentionDays}"
            + (facts.Versioned ? $" and NoncurrentVersionExpiration NoncurrentDays <= {retentionDays}" : "")
            + " (the deployment plan creates it; by hand: aws s3api put-bucket-lifecycle-configuration)";
        return new LifecycleVerdict(false, $"Refusing to store traces of zone '{zone}' in bucket '{facts.Bucket}': {missing}. Found: {found}. Fix: {fix}.");
    }

    private static string Describe(LifecycleRuleFact r) =>
        $"rule '{r.Id ?? "(no id)"}' ({(r.Enabled ? "enabled" : "disabled")}, prefix '{r.Prefix ?? ""}'"
        + (r.NarrowedByTagOrSize ? ", narrowed by tag or size" : "")
        + (r.ExpirationDays is { } d ? $", expires after {d} days" : ", no expiration in days")
        + (r.NoncurrentDays is { } n ? $", old versions after {n} days" : "")
        + ")";
}
