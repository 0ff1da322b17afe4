namespace Platform.Traces.S3;

/// <summary>One lifecycle rule as read from the bucket, reduced to what decides whether it deletes objects in time.</summary>
internal sealed record LifecycleRuleFact(string? Id, bool Enabled, string? Prefix, bool NarrowedByTagOrSize, int? ExpirationDays, int? NoncurrentDays);

/// <summary>The bucket's facts: its rules, and whether versioning ever was on (then old versions must expire too).</summary>
internal sealed record BucketLifecycleFacts(string Bucket, IReadOnlyList<LifecycleRuleFact> Rules, bool Versioned);

internal sealed record LifecycleVerdict(bool Accepted, string Message);

/// <summary>
/// Decides whether a bucket's lifecycle deletes what lives under a required rule's prefix within its retention: an
/// enabled rule that covers the prefix (or the whole bucket), is not narrowed by tags or size, and expires objects
/// after at most the required rule's days (and, on a versioned bucket, their old versions too). S3 rounds a rule's
/// days up to the next midnight UTC, so a rule of as many days as the retention is refused: it may keep an object a day too long.
/// </summary>
internal static class LifecycleCheck
{
    public static LifecycleVerdict Decide(BucketLifecycleFacts facts, LifecycleRuleSpec required)
    {
        var prefix = required.Prefix;
        var days = required.ExpirationDays;
        var retention = $"the zone's {required.RetentionDays}-day {required.RetentionName} retention";
        var covering = facts.Rules.Where(r => r.Enabled && !r.NarrowedByTagOrSize && prefix.StartsWith(r.Prefix ?? "", StringComparison.Ordinal)).ToArray();
        var expires = covering.Any(r => r.ExpirationDays is > 0 && r.ExpirationDays <= days);
        var oldVersionsExpire = !facts.Versioned || covering.Any(r => r.NoncurrentDays is > 0 && r.NoncurrentDays <= days);
        if (expires && oldVersionsExpire)
        {
            return new LifecycleVerdict(true, $"Bucket '{facts.Bucket}' expires '{prefix}' within {retention}.");
        }

        var found = facts.Rules.Count == 0 ? "no lifecycle rule at all" : string.Join("; ", facts.Rules.Select(Describe));
        var missing = days < 1
            ? $"no lifecycle rule can hold {retention}: S3 deletes at the first midnight UTC after the rule's days, and a rule needs at least one"
            : !expires
                ? $"no enabled rule expires '{prefix}' within {retention}"
                : $"versioning is on and no enabled rule expires old versions under '{prefix}' within {retention}";
        var fix = days < 1
            ? $"set the retention to at least {LifecycleDays.MinRetentionDays} days in policies/zones.yaml"
            : $"add an enabled lifecycle rule with prefix '{prefix}' (or none), Expiration Days <= {days}"
                + (facts.Versioned ? $" and NoncurrentVersionExpiration NoncurrentDays <= {days}" : "")
                + $" (S3 deletes at the first midnight UTC after write time + Days, so up to a day later: {days} days hold {required.RetentionDays})"
                + " (the deployment plan creates it; by hand: aws s3api put-bucket-lifecycle-configuration)";
        return new LifecycleVerdict(false, $"Refusing to store {required.Holds} of zone '{required.Zone}' in bucket '{facts.Bucket}': {missing}. Found: {found}. Fix: {fix}.");
    }

    private static string Describe(LifecycleRuleFact r) =>
        $"rule '{r.Id ?? "(no id)"}' ({(r.Enabled ? "enabled" : "disabled")}, prefix '{r.Prefix ?? ""}'"
        + (r.NarrowedByTagOrSize ? ", narrowed by tag or size" : "")
        + (r.ExpirationDays is { } d ? $", expires after {d} days" : ", no expiration in days")
        + (r.NoncurrentDays is { } n ? $", old versions after {n} days" : "")
        + ")";
}
