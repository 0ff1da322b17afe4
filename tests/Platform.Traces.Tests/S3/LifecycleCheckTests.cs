using FsCheck;
using FsCheck.Fluent;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

public sealed class LifecycleCheckTests
{
    private const string Bucket = "platform-traces-sgp-1";
    private static readonly LifecycleRuleSpec Traces30 = LifecycleRuleSpec.Traces("sgp", 30);

    [Fact]
    public void NoRule_Refused_NamingBucketPrefixAndFix()
    {
        var verdict = LifecycleCheck.Decide(Facts(), Traces30);

        verdict.Accepted.ShouldBeFalse();
        verdict.Message.ShouldBe(
            "Refusing to store traces of zone 'sgp' in bucket 'platform-traces-sgp-1': no enabled rule expires 'traces/sgp/' within the zone's 30-day trace retention. "
            + "Found: no lifecycle rule at all. Fix: add an enabled lifecycle rule with prefix 'traces/sgp/' (or none), Expiration Days <= 29 "
            + "(S3 deletes at the first midnight UTC after write time + Days, so up to a day later: 29 days hold 30) "
            + "(the deployment plan creates it; by hand: aws s3api put-bucket-lifecycle-configuration).");
    }

    [Fact]
    public void FortyFiveDayRule_Refused_SayingWhatWasFound()
    {
        var verdict = LifecycleCheck.Decide(Facts(Rule(days: 45)), Traces30);

        verdict.Accepted.ShouldBeFalse();
        verdict.Message.ShouldContain("Found: rule 'r' (enabled, prefix 'traces/sgp/', expires after 45 days).");
    }

    [Fact]
    public void RuleOfAsManyDaysAsTheRetention_Refused_SinceS3RoundsUpToMidnight()
    {
        var verdict = LifecycleCheck.Decide(Facts(Rule(days: 30)), Traces30);

        verdict.Accepted.ShouldBeFalse();
        verdict.Message.ShouldContain("Expiration Days <= 29");
    }

    [Theory]
    [InlineData("traces/sgp/")]
    [InlineData("traces/")]
    [InlineData("")]
    [InlineData(null)]
    public void TwentyNineDayRuleCoveringThePrefix_HoldsThirtyDays_Accepted(string? prefix) =>
        LifecycleCheck.Decide(Facts(Rule(days: 29, prefix: prefix)), Traces30).Accepted.ShouldBeTrue();

    [Fact]
    public void RuleForAnotherPrefixOrZone_Refused()
    {
        LifecycleCheck.Decide(Facts(Rule(days: 1, prefix: "traces/fra/")), Traces30).Accepted.ShouldBeFalse();
        LifecycleCheck.Decide(Facts(Rule(days: 1, prefix: "traces/sgp/2026-11-22/")), Traces30).Accepted.ShouldBeFalse();
        LifecycleCheck.Decide(Facts(Rule(days: 1, prefix: "decisions/sgp/")), Traces30).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void DecisionRecords_NeedTheirOwnPrefixCovered_WithinTheDecisionLogRetention()
    {
        var decisions = LifecycleRuleSpec.Decisions("cn", 180);

        LifecycleCheck.Decide(Facts(Rule(days: 179, prefix: "decisions/cn/")), decisions).Accepted.ShouldBeTrue();
        var refused = LifecycleCheck.Decide(Facts(Rule(days: 29, prefix: "traces/cn/")), decisions);
        refused.Accepted.ShouldBeFalse();
        refused.Message.ShouldStartWith("Refusing to store decision records of zone 'cn' in bucket 'platform-traces-sgp-1': no enabled rule expires 'decisions/cn/' within the zone's 180-day decision-log retention.");
    }

    [Fact]
    public void OneDayRetention_CannotBeHeldByAnyRule_RefusedWithTheFix()
    {
        var verdict = LifecycleCheck.Decide(Facts(Rule(days: 1)), LifecycleRuleSpec.Traces("sgp", 1));

        verdict.Accepted.ShouldBeFalse();
        verdict.Message.ShouldContain("no lifecycle rule can hold the zone's 1-day trace retention");
        verdict.Message.ShouldContain("set the retention to at least 2 days");
    }

    [Fact]
    public void DisabledOrTagNarrowedRule_Refused()
    {
        LifecycleCheck.Decide(Facts(Rule(days: 29) with { Enabled = false }), Traces30).Accepted.ShouldBeFalse();
        LifecycleCheck.Decide(Facts(Rule(days: 29) with { NarrowedByTagOrSize = true }), Traces30).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void VersionedBucket_NeedsOldVersionsToExpireToo()
    {
        var current = Rule(days: 29);

        var refused = LifecycleCheck.Decide(Facts(current) with { Versioned = true }, Traces30);
        refused.Accepted.ShouldBeFalse();
        refused.Message.ShouldContain("versioning is on and no enabled rule expires old versions under 'traces/sgp/' within the zone's 30-day trace retention");
        LifecycleCheck.Decide(Facts(current with { NoncurrentDays = 1 }) with { Versioned = true }, Traces30).Accepted.ShouldBeTrue();
        LifecycleCheck.Decide(Facts(current with { NoncurrentDays = 30 }) with { Versioned = true }, Traces30).Accepted.ShouldBeFalse();
    }

    [Fact]
    public void AnyExpiry_AcceptedExactlyWhenS3DeletesWithinRetention() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(
            Gen.Choose(-5, 400).ToArbitrary(),
            Gen.Choose(1, 30).ToArbitrary(),
            (days, retention) => LifecycleCheck.Decide(Facts(Rule(days)), LifecycleRuleSpec.Traces("sgp", retention)).Accepted == (days >= 1 && days <= retention - 1)));

    private static BucketLifecycleFacts Facts(params LifecycleRuleFact[] rules) => new(Bucket, rules, Versioned: false);

    private static LifecycleRuleFact Rule(int days, string? prefix = "traces/sgp/") => new("r", true, prefix, false, days, null);
}
