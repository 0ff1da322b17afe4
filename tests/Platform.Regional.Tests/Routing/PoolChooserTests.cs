using FsCheck;
using FsCheck.Fluent;
using Platform.Compliance;
using Platform.Regional.Routing;

namespace Platform.Regional.Tests.Routing;

public sealed class PoolChooserTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Embedded;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LeastLoadedPool_IsTriedFirst()
    {
        var decision = Choose("fast", 0, 3, State("sgp-h100-fast-a", running: 60), State("sgp-h100-fast-b", running: 2));

        decision.Status.ShouldBe(RouteStatus.Routed);
        decision.PoolIds.ShouldBe(["sgp-h100-fast-b", "sgp-h100-fast-a"]);
    }

    [Fact]
    public void QueuedRequestsAndFullKvCache_CountAsLoad()
    {
        Choose("fast", 0, 3, State("sgp-h100-fast-a", waiting: 20), State("sgp-h100-fast-b")).PoolIds[0].ShouldBe("sgp-h100-fast-b");
        Choose("fast", 0, 3, State("sgp-h100-fast-a", kv: 0.95), State("sgp-h100-fast-b", kv: 0.1)).PoolIds[0].ShouldBe("sgp-h100-fast-b");
    }

    [Fact]
    public void RequestsInFlightSinceTheLastScrape_CountAsLoad()
    {
        var busySinceScrape = State("sgp-h100-fast-a") with { InFlight = 40 };

        Choose("fast", 0, 3, busySinceScrape, State("sgp-h100-fast-b", running: 5)).PoolIds[0].ShouldBe("sgp-h100-fast-b");
    }

    [Fact]
    public void PoolWhoseScrapeFailed_GoesLastButIsStillTried()
    {
        var decision = Choose("fast", 0, 3, State("sgp-h100-fast-a") with { LastScrapeFailed = true }, State("sgp-h100-fast-b", running: 30));

        decision.PoolIds.ShouldBe(["sgp-h100-fast-b", "sgp-h100-fast-a"]);
        decision.Reason.ShouldContain("1 failing pool(s) last");
    }

    [Fact]
    public void PowerOfTwoChoices_NeverPicksTheMostLoadedOfThree_AndPicksTheLeastLoadedTwiceInThree()
    {
        var pools = new[] { State("sgp-h100-fast-a", running: 40), State("sgp-h100-fast-b", running: 5), State("sgp-h100-fast-c", running: 20) };
        var random = new Random(42);

        var firsts = Enumerable.Range(0, 3000).Select(_ => PoolChooser.Choose(Facts("fast", 0, 3, pools), random)).ToArray();

        firsts.ShouldAllBe(d => d.PoolIds.Count == 3 && d.Reason.Contains("p2c: "));
        firsts.ShouldNotContain(d => d.PoolIds[0] == "sgp-h100-fast-a");
        firsts.Count(d => d.PoolIds[0] == "sgp-h100-fast-b").ShouldBeInRange(1800, 2200);
    }

    [Fact]
    public void SameSeed_SameChoice()
    {
        var pools = Model.PoolsIn("sgp").Where(p => p.Tier == 0).Select(p => State(p.Id)).ToArray();

        var first = PoolChooser.Choose(Facts("fast", 0, 3, pools), new Random(7));
        var again = PoolChooser.Choose(Facts("fast", 0, 3, pools), new Random(7));

        again.PoolIds.ShouldBe(first.PoolIds);
        again.Reason.ShouldBe(first.Reason);
    }

    [Fact]
    public void LongSharedSystemPrompt_GoesToTheSamePool_WhateverTheRandomDraw()
    {
        var pools = new[] { State("sgp-h100-fast-a", running: 3), State("sgp-h100-fast-b", running: 2), State("sgp-h100-fast-c", running: 4) };
        var facts = Facts("fast", 0, 3, pools) with { PrefixKey = 12345, AffinityMargin = 0.25 };

        var decisions = Enumerable.Range(0, 50).Select(seed => PoolChooser.Choose(facts, new Random(seed))).ToArray();

        decisions.Select(d => d.PoolIds[0]).Distinct().ShouldHaveSingleItem();
        decisions.ShouldAllBe(d => d.Reason.Contains("affinity: "));
    }

    [Fact]
    public void PrefixPoolLoadedBeyondTheMargin_GivesWayToPowerOfTwoChoices()
    {
        var pools = new[] { State("sgp-h100-fast-a"), State("sgp-h100-fast-b") };
        var key = Enumerable.Range(1, 100).Select(i => (ulong)i).First(k => PrefixAffinity.Weight(k, "sgp-h100-fast-a") > PrefixAffinity.Weight(k, "sgp-h100-fast-b"));
        var busyHome = new[] { State("sgp-h100-fast-a", running: 60), State("sgp-h100-fast-b") };

        PoolChooser.Choose(Facts("fast", 0, 3, pools) with { PrefixKey = key, AffinityMargin = 0.25 }, new Random(1)).PoolIds[0].ShouldBe("sgp-h100-fast-a");
        var decision = PoolChooser.Choose(Facts("fast", 0, 3, busyHome) with { PrefixKey = key, AffinityMargin = 0.25 }, new Random(1));
        decision.PoolIds[0].ShouldBe("sgp-h100-fast-b");
        decision.Reason.ShouldContain("p2c: sgp-h100-fast-b");
    }

    [Fact]
    public void PoolWithAnOpenCircuit_IsLeftOut_UntilItsBreakHasElapsed()
    {
        var open = State("sgp-h100-fast-a") with { Health = new PoolHealth(PoolCircuit.Open, false, 1, null, 10) };

        var decision = Choose("fast", 0, 3, open, State("sgp-h100-fast-b", running: 30));
        decision.PoolIds.ShouldBe(["sgp-h100-fast-b"]);
        decision.Reason.ShouldContain("1 ejected pool(s) left out");

        Choose("fast", 0, 3, open with { Health = open.Health! with { ProbeDue = true } }, State("sgp-h100-fast-b", running: 30)).PoolIds.ShouldContain("sgp-h100-fast-a");
        Choose("fast", 0, 3, open with { Health = open.Health! with { Circuit = PoolCircuit.HalfOpen } }, State("sgp-h100-fast-b")).PoolIds.ShouldBe(["sgp-h100-fast-b"]);
    }

    [Fact]
    public void EveryPoolOfTheTierEjected_AllAreStillTried_AsAFallback()
    {
        var out1 = State("sgp-h100-fast-a") with { Health = new PoolHealth(PoolCircuit.Open, false, 1, null, 10) };
        var out2 = State("sgp-h100-fast-b") with { Health = new PoolHealth(PoolCircuit.Open, false, 0.5, null, 10) };

        var decision = Choose("fast", 0, 3, out1, out2);

        decision.Status.ShouldBe(RouteStatus.Routed);
        decision.PoolIds.Count.ShouldBe(2);
        decision.Reason.ShouldContain("fallback: ");
        decision.Reason.ShouldContain("every pool's circuit is open, tried anyway");
    }

    [Fact]
    public void Alias_IsServedAtTheCostTier_CappedAtTheMaxTier()
    {
        var all = Model.PoolsIn("sgp").Select(p => State(p.Id)).ToArray();

        var decision = Choose("auto", costTier: 3, maxTier: 1, all);

        decision.PoolIds.ShouldBe(["sgp-h100-reasoning-a", "sgp-h200-reasoning-b"]);
    }

    [Fact]
    public void ZoneWithoutAPoolOfTheTier_FallsBackToTheNearestLowerTier_AndSaysSo()
    {
        var decision = Choose("frontier", costTier: 3, maxTier: 3, State("sgp-h100-fast-a"), State("sgp-h100-reasoning-a"));

        decision.PoolIds.ShouldBe(["sgp-h100-reasoning-a"]);
        decision.Reason.ShouldContain("no available pool of tier 3; fell back to tier 1");
    }

    [Fact]
    public void ConcreteModel_IsServedOnlyByPoolsOfThatModel()
    {
        var all = Model.PoolsIn("sgp").Select(p => State(p.Id)).ToArray();

        Choose("qwen3-235b-a22b-thinking", 0, 3, all).PoolIds.ShouldBe(["sgp-h200-verified"]);
    }

    [Fact]
    public void ConcreteModelAboveTheMaxTier_IsRefused()
    {
        var decision = Choose("deepseek-r1", 0, 1, State("sgp-h200-frontier"));

        decision.Status.ShouldBe(RouteStatus.AboveMaxTier);
        decision.PoolIds.ShouldBeEmpty();
    }

    [Fact]
    public void UnknownModel_IsRefused_AndAnUnservedOneHasNoPool()
    {
        Choose("gpt-4o", 0, 3, State("sgp-h100-fast-a")).Status.ShouldBe(RouteStatus.UnknownModel);
        Choose("deepseek-r1", 3, 3, State("sgp-h100-fast-a")).Status.ShouldBe(RouteStatus.NoPool);
    }

    [Fact]
    public void EveryChosenPool_IsInThisZone_AndAtOrBelowTheMaxTier()
    {
        var names = Model.Models.Select(m => m.Id).Concat(Model.Tiers.Select(t => t.Alias)).Append(PoolChooser.Auto).Append("unknown").ToArray();
        var facts =
            from zone in Gen.Elements(Model.Zones.Select(z => z.Id).ToArray())
            from pools in Gen.SubListOf(Model.Pools.ToArray())
            from loads in Gen.ArrayOf(Gen.Choose(0, 100), pools.Count)
            from failed in Gen.ArrayOf(Gen.Elements(true, false), pools.Count)
            from circuits in Gen.ArrayOf(Gen.Elements(PoolCircuit.Closed, PoolCircuit.Open, PoolCircuit.HalfOpen), pools.Count)
            from prefix in Gen.Elements<ulong?>(null, 1UL, 99UL, ulong.MaxValue)
            from seed in Gen.Choose(0, 1000)
            from requested in Gen.Elements(names)
            from costTier in Gen.Choose(0, 3)
            from maxTier in Gen.Choose(0, 3)
            select new RouteFacts(
                zone, requested, costTier, maxTier,
                pools.Select((p, i) => new PoolState(p, new PoolLoad(loads[i] % 7, loads[i], loads[i] / 100.0), failed[i], 0, new PoolHealth(circuits[i], seed % 2 == 0, 0, null, 0))).ToArray(),
                Model.Models, Model.Tiers, Now, DataClass.None, Model.MayReceive, prefix, seed / 1000.0);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(facts.ToArbitrary(), f =>
        {
            var decision = PoolChooser.Choose(f, new Random(f.Pools.Count));
            return decision.PoolIds.All(id =>
            {
                var pool = Model.Pools.Single(p => p.Id == id);
                return pool.Zone == f.Zone && pool.Tier <= f.MaxTier && f.Pools.Any(s => s.Pool.Id == id);
            }) && (decision.Status == RouteStatus.Routed) == (decision.PoolIds.Count > 0);
        }));
    }

    private static RouteDecision Choose(string requested, int costTier, int maxTier, params PoolState[] pools) =>
        PoolChooser.Choose(Facts(requested, costTier, maxTier, pools), new Random(1));

    private static RouteFacts Facts(string requested, int costTier, int maxTier, PoolState[] pools) =>
        new("sgp", requested, costTier, maxTier, pools, Model.Models, Model.Tiers, Now, DataClass.None, Model.MayReceive);

    // sgp has two tier-0 pools; a third copy of fast-a (same zone and tier) shows what p2c does among more.
    private static PoolState State(string poolId, double waiting = 0, double running = 0, double kv = 0) =>
        new(poolId == "sgp-h100-fast-c" ? Model.Pools.Single(p => p.Id == "sgp-h100-fast-a") with { Id = poolId } : Model.Pools.Single(p => p.Id == poolId), new PoolLoad(waiting, running, kv), false);
}
