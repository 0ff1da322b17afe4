using FsCheck;
using FsCheck.Fluent;
using Platform.Compliance;
using Platform.Regional.Escalation;

namespace Platform.Regional.Tests.Escalation;

public sealed class EscalationRuleTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Embedded;
    private static readonly Verdict Fail = new("fail", 0.1m, false);

    private static EscalationFacts Facts(string model = "auto", bool stream = false, int tier = 0, int maxTier = 3, bool verifier = true, bool answered = true) =>
        new("sgp", model, stream, tier, maxTier, verifier, answered);

    [Fact]
    public void RejectedAutoAnswer_IsPromotedOneTier_ToPoolsOfThatTierInTheZone()
    {
        var promotion = EscalationRule.Promote(Facts(tier: 0), Fail, Model.Pools).ShouldNotBeNull();

        promotion.Tier.ShouldBe(1);
        promotion.PoolIds.ShouldBe(["sgp-h100-reasoning-a", "sgp-h200-reasoning-b"]);
    }

    [Theory]
    [InlineData("fast", false, 0, 3, true, true)]
    [InlineData("auto", true, 0, 3, true, true)]
    [InlineData("auto", false, 1, 1, true, true)]
    [InlineData("auto", false, 0, 3, false, true)]
    [InlineData("auto", false, 0, 3, true, false)]
    public void NotAutoOrStreamedOrAtMaxTierOrNoVerifierOrNoAnswer_IsNeverJudged(string model, bool stream, int tier, int maxTier, bool verifier, bool answered)
    {
        var facts = Facts(model, stream, tier, maxTier, verifier, answered);

        EscalationRule.ShouldJudge(facts).ShouldBeFalse();
        EscalationRule.Promote(facts, Fail, Model.Pools).ShouldBeNull();
    }

    [Fact]
    public void PassedAnswer_Stands() =>
        EscalationRule.Promote(Facts(), new Verdict("pass", 0.9m, true), Model.Pools).ShouldBeNull();

    [Fact]
    public void Promotion_NeverLeavesTheZone_NorExceedsTheTenantsTier()
    {
        var zones = Model.Zones.Select(z => z.Id).ToArray();
        var cases =
            from zone in Gen.Elements(zones)
            from tier in Gen.Choose(0, 3)
            from maxTier in Gen.Choose(0, 3)
            from passed in Gen.Elements(true, false)
            select (zone, tier, maxTier, passed);
        var prop = Prop.ForAll(
            cases.ToArbitrary(),
            c =>
            {
                var (zone, tier, maxTier, passed) = c;
                var promotion = EscalationRule.Promote(new EscalationFacts(zone, "auto", false, tier, maxTier, true, true), new Verdict(passed ? "pass" : "fail", null, passed), Model.Pools);
                return promotion is null
                    || (promotion.Tier == tier + 1 && promotion.Tier <= maxTier
                        && promotion.PoolIds.All(id => Model.Pools.Single(p => p.Id == id) is { } p && p.Zone == zone && p.Tier == promotion.Tier));
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), prop);
    }

    [Theory]
    [InlineData("{\"verdict\":\"pass\",\"score\":0.83}", "pass", true)]
    [InlineData("{\"verdict\":\"pass\",\"score\":0.30}", "pass", false)]
    [InlineData("Sure. {\"verdict\": \"FAIL\", \"score\": 0.9}", "fail", false)]
    [InlineData("I think it is fine", "unreadable", true)]
    [InlineData("{\"verdict\":\"maybe\"}", "unreadable", true)]
    public void Verdict_PassesOnlyAPassAtOrAboveTheThreshold_AndKeepsTheAnswerWhenUnreadable(string content, string label, bool passed)
    {
        var verdict = Verdict.Parse(content, 0.5m);

        verdict.Label.ShouldBe(label);
        verdict.Passed.ShouldBe(passed);
    }
}
