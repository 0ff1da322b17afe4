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
    public void PoolThatErroredRecently_GoesLast_UntilTheErrorIsOld()
    {
        var errored = State("sgp-h100-fast-a") with { LastErrorAt = Now.AddSeconds(-5) };
        Choose("fast", 0, 3, errored, State("sgp-h100-fast-b", running: 30)).PoolIds.ShouldBe(["sgp-h100-fast-b", "sgp-h100-fast-a"]);

        var longAgo = errored with { LastErrorAt = Now - PoolChooser.RecentErrorWindow - TimeSpan.FromSeconds(1) };
        Choose("fast", 0, 3, longAgo, State("sgp-h100-fast-b", running: 30)).PoolIds.ShouldBe(["sgp-h100-fast-a", "sgp-h100-fast-b"]);
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
            from requested in Gen.Elements(names)
            from costTier in Gen.Choose(0, 3)
            from maxTier in Gen.Choose(0, 3)
            select new RouteFacts(
                zone, requested, costTier, maxTier,
                pools.Select((p, i) => new PoolState(p, new PoolLoad(loads[i] % 7, loads[i], loads[i] / 100.0), failed[i], null)).ToArray(),
                Model.Models, Model.Tiers, Now);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(facts.ToArbitrary(), f =>
        {
            var decision = PoolChooser.Choose(f);
            return decision.PoolIds.All(id =>
            {
                var pool = Model.Pools.Single(p => p.Id == id);
                return pool.Zone == f.Zone && pool.Tier <= f.MaxTier && f.Pools.Any(s => s.Pool.Id == id);
            }) && (decision.Status == RouteStatus.Routed) == (decision.PoolIds.Count > 0);
        }));
    }

    private static RouteDecision Choose(string requested, int costTier, int maxTier, params PoolState[] pools) =>
        PoolChooser.Choose(new RouteFacts("sgp", requested, costTier, maxTier, pools, Model.Models, Model.Tiers, Now));

    private static PoolState State(string poolId, double waiting = 0, double running = 0, double kv = 0) =>
        new(Model.Pools.Single(p => p.Id == poolId), new PoolLoad(waiting, running, kv), false, null);
}
