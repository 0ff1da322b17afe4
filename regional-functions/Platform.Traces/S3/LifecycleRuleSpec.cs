using Platform.Traces.Decisions;

namespace Platform.Traces.S3;

/// <summary>
/// A lifecycle rule a zone's bucket must carry: which prefix, and the retention it holds objects to. The deployment
/// plan declares exactly these rules and the apps' start-up check accepts a bucket only when it has rules at least
/// as strict, so both read the same <see cref="ExpirationDays"/>.
/// </summary>
/// <param name="Holds">What lives under the prefix, for messages: "traces", "decision records".</param>
/// <param name="RetentionName">The retention's name in the policies, for messages: "trace", "decision-log".</param>
public sealed record LifecycleRuleSpec(string Id, string Zone, string Prefix, int RetentionDays, string Holds, string RetentionName)
{
    /// <summary>The rule's Expiration <c>Days</c>: one day under the retention, since S3 rounds up to the next midnight.</summary>
    public int ExpirationDays => LifecycleDays.ForRetention(RetentionDays);

    /// <summary>The rule that deletes a zone's traces within <paramref name="retentionDays"/>.</summary>
    public static LifecycleRuleSpec Traces(string zone, int retentionDays) =>
        new($"expire-traces-{zone}", zone, TraceKeys.Prefix(zone), retentionDays, "traces", "trace");

    /// <summary>The rule that deletes a zone's decision records within <paramref name="retentionDays"/>.</summary>
    public static LifecycleRuleSpec Decisions(string zone, int retentionDays) =>
        new($"expire-decisions-{zone}", zone, DecisionKeys.Prefix(zone), retentionDays, "decision records", "decision-log");
}
