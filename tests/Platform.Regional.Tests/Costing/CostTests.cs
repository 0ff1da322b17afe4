using FsCheck;
using FsCheck.Fluent;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Regional.Costing;

namespace Platform.Regional.Tests.Costing;

public sealed class CostTests
{
    private static readonly Pool Fast = ComplianceModel.Embedded.Pools.Single(p => p.Id == "sgp-h100-fast-a");

    private static Usage Usage(int prompt, int cached, int completion) =>
        new(prompt, completion, prompt + completion, null) { PromptTokensDetails = new PromptTokensDetails(cached) };

    [Fact]
    public void Cost_IsUsageTimesThePricePerMillion_WithCachedInputAtTheCachedPrice()
    {
        // sgp-h100-fast-a: 0.05 input, 0.01 cached input, 0.20 output per million.
        Costs.Of(CostKind.Answer, Fast, Usage(1_000_000, 400_000, 500_000)).Usd.ShouldBe((600_000 * 0.05m + 400_000 * 0.01m + 500_000 * 0.20m) / 1_000_000m);
    }

    [Fact]
    public void NoUsage_CostsNothing() => Costs.Of(CostKind.Answer, Fast, null).Usd.ShouldBe(0m);

    [Fact]
    public void Cost_IsNeverNegative_AndMonotoneInTokens()
    {
        var tokens = Gen.Choose(-1000, 2_000_000);
        var cases = from prompt in tokens from cached in tokens from completion in tokens from more in Gen.Choose(0, 1000) select (prompt, cached, completion, more);
        var prop = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (prompt, cached, completion, more) = c;
            var cost = Costs.Of(CostKind.Answer, Fast, Usage(prompt, cached, completion)).Usd;
            var moreOutput = Costs.Of(CostKind.Answer, Fast, Usage(prompt, cached, Math.Max(0, completion) + more)).Usd;
            var moreInput = Costs.Of(CostKind.Answer, Fast, Usage(Math.Max(0, prompt) + more, cached, completion)).Usd;
            return cost >= 0 && moreOutput >= cost && moreInput >= cost;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), prop);
    }

    [Fact]
    public void RequestCost_IsTheSumOfItsParts()
    {
        var part = Gen.Choose(0, 100_000).Select(n => Costs.Of(CostKind.Answer, Fast, Usage(n, n / 3, n / 2)));
        var kinds = Gen.Elements(CostKind.Answer, CostKind.Verifier, CostKind.Retry);
        var prop = Prop.ForAll(Gen.ListOf(Gen.Zip(part, kinds).Select(t => t.Item1 with { Kind = t.Item2 })).ToArbitrary(), parts =>
        {
            var cost = parts.Aggregate(RequestCost.None, (c, p) => c.Add(p));
            var trace = cost.ToTrace();
            return cost.TotalUsd == parts.Sum(p => p.Usd) && trace.TotalUsd == trace.AnswerUsd + trace.VerifierUsd + trace.RetryUsd;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), prop);
    }
}
