using FsCheck;
using FsCheck.Fluent;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

public sealed class LifecycleCheckTests
{
    private const string Bucket = "platform-traces-sgp-1";

    [Fact]
    public void NoRule_Refused_NamingBucketPrefixAndFix()
    {
        var verdict = LifecycleCheck.Decide(Facts(), "sgp", 30);

        verdict.Accepted.ShouldBeFalse();
        verdict.Message.ShouldBe(
            "Refusing to store traces of zone 'sgp' in bucket 'platform-traces-sgp-1': no enabled rule expires 'traces/sgp/' within the zone's 30-day trace retention. "
            + "Found: no lifecycle rule at all. Fix: add an enabled lifecycle rule with prefix 'traces/sgp/' (or none), Expiration Days <= 30 "
            + "(the deployment plan creates it; by hand: aws s3api put-bucket-lifecycle-configuration).");
    }

    [Fact]
    public void FortyFiveDayRule_Refused_SayingWhatWasFound()
    {
        var verdict = LifecycleCheck.Decide(Facts(Rule(days: 45)), "sgp", 30);

        verdict.Accepted.ShouldBeFalse();
        verdict.Message.ShouldContain("Found: rule 'r' (enabled, prefix 'traces/sgp/', expires after 45 days).");
    }

    [Theory]
    [InlineData("traces/sgp/")]
    [InlineData("traces/")]
    [InlineData("")]
    [InlineData(null)]
    public void ThirtyDayRuleCoveringThePrefix_Accepted(string? prefix) =>
        LifecycleCheck.Decide(Facts(Rule(days: 30, prefix: prefix)), "sgp", 30).Accepted.ShouldBeTrue();

    [Fact]
    public void RuleForAnotherPrefixOrZone_Refused()
    {
        LifecycleCheck.Decide(Facts(Rule(days: 1, prefix: "traces/fra/")), "sgp", 30).Accepted.ShouldBeFalse();
        LifecycleCheck.Decide(Facts(Rule(days: 1, prefix: "traces/sgp/2026-11-22/")), "sgp", 30).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void DisabledOrTagNarrowedRule_Refused()
    {
        LifecycleCheck.Decide(Facts(Rule(days: 30) with { Enabled = false }), "sgp", 30).Accepted.ShouldBeFalse();
        LifecycleCheck.Decide(Facts(Rule(days: 30) with { NarrowedByTagOrSize = true }), "sgp", 30).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void VersionedBucket_NeedsOldVersionsToExpireToo()
    {
        var current = Rule(days: 30);

        var refused = LifecycleCheck.Decide(Facts(current) with { Versioned = true }, "sgp", 30);
        refused.Accepted.ShouldBeFalse();
        refused.Message.ShouldContain("versioning is on and no enabled rule expires old versions under 'traces/sgp/' within 30 days");
        LifecycleCheck.Decide(Facts(current with { NoncurrentDays = 1 }) with { Versioned = true }, "sgp", 30).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void AnyExpiry_AcceptedExactlyWhenWithinRetention() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(
            Gen.Choose(-5, 400).ToArbitrary(),
            Gen.Choose(1, 30).ToArbitrary(),
            (days, retention) => LifecycleCheck.Decide(Facts(Rule(days)), "sgp", retention).Accepted == (days >= 1 && days <= retention)));

    private static BucketLifecycleFacts Facts(params LifecycleRuleFact[] rules) => new(Bucket, rules, Versioned: false);

    private static LifecycleRuleFact Rule(int days, string? prefix = "traces/sgp/") => new("r", true, prefix, false, days, null);
}
