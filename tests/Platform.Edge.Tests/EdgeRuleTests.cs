using Platform.Compliance;
using Platform.Edge.Tagging;
using Platform.Edge.Zones;

namespace Platform.Edge.Tests;

public sealed class EdgeRuleTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Embedded;
    private static readonly Tenant Public = Model.Tenant(Tenant.Public)!;

    [Fact]
    public void PinnedTenant_WinsOverCountry()
    {
        var tenant = Model.Tenant("acme-shanghai")!;

        HomeZoneRule.Decide(Model, tenant, "DE", "sgp").ShouldBe(new HomeZoneDecision("cn", "tenant"));
    }

    [Theory]
    [InlineData("CN", "cn")]
    [InlineData("cn", "cn")]
    [InlineData("DE", "fra")]
    [InlineData("BR", "sgp")]
    public void TrustedCountry_DecidesHome(string country, string zone) =>
        HomeZoneRule.Decide(Model, Public, country, "fra").ShouldBe(new HomeZoneDecision(zone, "country"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("China")]
    [InlineData("1!")]
    public void NoUsableCountry_FallsBackToTheEdgesOwnZone(string? country) =>
        HomeZoneRule.Decide(Model, Public, country, "fra").ShouldBe(new HomeZoneDecision("fra", "edge"));

    [Theory]
    [InlineData("sgp", true)]
    [InlineData("fra", false)]
    [InlineData("cn", false)]
    public void AnEdge_ReadsOnlyRequestsHomedInTheZonesItIsDeployedFor(string home, bool read) =>
        (HomeZoneRule.ForeignEdge(new HomeZoneDecision(home, "country"), ["sgp"]) is null).ShouldBe(read);

    [Theory]
    [InlineData("fast", 0)]
    [InlineData("reasoning", 1)]
    [InlineData("frontier", 3)]
    [InlineData("deepseek-r1-distill-qwen-32b", 1)]
    [InlineData("qwen3-8b", 0)]
    public void AliasOrModel_GivesItsTier(string model, int tier) =>
        CostTierRule.Decide(model, "hello", Public, Model).Tier.ShouldBe(tier);

    [Fact]
    public void Auto_ShortChat_IsTier0_ReasoningCue_IsTier1()
    {
        CostTierRule.Decide("auto", "Translate 'good morning' into French.", Public, Model).Tier.ShouldBe(0);
        CostTierRule.Decide("auto", "Prove that the square root of 2 is irrational.", Public, Model).Tier.ShouldBe(1);
        CostTierRule.Decide("auto", "请一步一步推导这个公式", Public, Model).Tier.ShouldBe(1);
    }

    [Fact]
    public void Auto_NeverExceedsTheTenantsMaxTier()
    {
        var capped = Model.Tenant("lumen-berlin")!; // max tier 1
        var decision = CostTierRule.Decide("auto", "Prove this step by step: " + new string('x', 7000), capped, Model);

        decision.Tier.ShouldBe(1);
        decision.Reason.ShouldContain("capped at tenant maximum 1");
    }

    [Fact]
    public void ExplicitModelAboveTenantMaxTier_IsRefusedWith403()
    {
        var decision = CostTierRule.Decide("frontier", "hi", Model.Tenant("lumen-berlin")!, Model);

        decision.Status.ShouldBe(403);
        decision.Code.ShouldBe("tier_not_allowed");
    }

    [Fact]
    public void UnknownModel_IsRefusedWith404()
    {
        var decision = CostTierRule.Decide("gpt-17", "hi", Public, Model);

        decision.Status.ShouldBe(404);
        decision.Error.ShouldBe("The model 'gpt-17' does not exist. Use auto, fast, reasoning, verified, frontier or a model from GET /v1/models.");
    }

    [Theory]
    [InlineData(null, true, null, 2_000)]
    [InlineData(null, false, null, 15_000)]
    [InlineData(null, false, 8_000, 120_000)]
    [InlineData("750", true, null, 750)]
    public void LatencyBudget_HeaderElseRequestKind(string? header, bool stream, int? maxTokens, int expected) =>
        LatencyBudget.Decide(header, stream, maxTokens, new LatencyBudgetOptions()).BudgetMs.ShouldBe(expected);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("fast")]
    [InlineData("600001")]
    public void LatencyBudget_BadHeader_IsAnError(string header) =>
        LatencyBudget.Decide(header, true, null, new LatencyBudgetOptions()).Error.ShouldBe("The X-Latency-Budget-Ms header must be a whole number of milliseconds from 1 to 600000.");
}
