using FsCheck;
using FsCheck.Fluent;
using Platform.Compliance;
using Platform.Regional.Providers;
using Platform.Regional.Routing;
using Platform.Regional.Tests.Providers;

namespace Platform.Regional.Tests.Routing;

/// <summary>Tier 3 served by the zone's pools and its external providers, and never a provider the compliance model forbids.</summary>
public sealed class ProviderRoutingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly ProviderPolicies _policies = new();

    private ComplianceModel Model => _policies.Model;

    [Fact]
    public void FrontierWithoutPii_TriesTheZonesTierThreePoolFirst_ThenEveryProvider()
    {
        var decision = Choose("frontier", DataClass.None, [.. Pools("sgp"), .. Providers()]);

        decision.Status.ShouldBe(RouteStatus.Routed);
        decision.PoolIds.ShouldBe(["sgp-h200-frontier", ProviderPolicies.Abroad, ProviderPolicies.Local, ProviderPolicies.Processor]);
        decision.Reason.ShouldContain("3 of them external provider(s), tried after the zone's pools");
    }

    [Theory]
    [InlineData(DataClass.Direct)]
    [InlineData(DataClass.Sensitive)]
    public void FrontierWithPii_IsOfferedOnlyTheInZoneProcessor(DataClass dataClass)
    {
        var decision = Choose("frontier", dataClass, [.. Pools("sgp"), .. Providers()]);

        decision.PoolIds.ShouldBe(["sgp-h200-frontier", ProviderPolicies.Processor]);
        decision.Reason.ShouldContain($"2 external provider(s) withheld: may not receive class {dataClass.ToWire()}");
    }

    [Fact]
    public void PiiRequest_NoPoolAndOnlyProvidersThatMayNotReceiveIt_IsNotRouted()
    {
        var decision = Choose("frontier", DataClass.Direct, [.. Providers(ProviderPolicies.Abroad, ProviderPolicies.Local)]);

        decision.Status.ShouldBe(RouteStatus.NoPool);
        decision.PoolIds.ShouldBeEmpty();
    }

    [Fact]
    public void TierThreePoolEjected_ProvidersServe()
    {
        var ejected = Pools("sgp").Select(s => s.Pool.Tier == 3 ? s with { Health = new PoolHealth(PoolCircuit.Open, false, 1, null, 20) } : s);

        Choose("frontier", DataClass.None, [.. ejected, .. Providers(ProviderPolicies.Abroad)]).PoolIds.ShouldBe([ProviderPolicies.Abroad]);
    }

    [Fact]
    public void TierThreePoolWhoseScrapeFails_GoesAfterTheProviders()
    {
        var failing = Pools("sgp").Select(s => s.Pool.Tier == 3 ? s with { LastScrapeFailed = true } : s);

        Choose("frontier", DataClass.None, [.. failing, .. Providers(ProviderPolicies.Abroad)]).PoolIds.ShouldBe([ProviderPolicies.Abroad, "sgp-h200-frontier"]);
    }

    [Fact]
    public void ConcreteModelName_IsServedByTheZonesPoolsOnly()
    {
        Choose("deepseek-r1", DataClass.None, [.. Pools("sgp"), .. Providers()]).PoolIds.ShouldBe(["sgp-h200-frontier"]);
    }

    [Fact]
    public void AutoAtCostTierTwo_NeverReachesAProvider()
    {
        Choose("auto", DataClass.None, [.. Pools("sgp"), .. Providers()], costTier: 2).PoolIds.ShouldBe(["sgp-h200-verified"]);
    }

    [Fact]
    public void PiiRequest_IsNeverRoutedToAProviderThatMayNotReceiveIt_AndCnNeverToAnyProvider()
    {
        // A cn provider the loader would refuse, built by hand: the rule itself must still keep cn's requests home.
        var rogue = new ExternalProvider("rogue-cn", "cn", new Uri("https://api.example.cn/v1"), ProviderPolicies.ProviderModel, "CN", true, null, ProviderPolicies.ProviderPrice, new Origin("routing.yaml", 1));
        var everything = Model.Pools.Select(p => new PoolState(p, null, false))
            .Concat(Model.Routing.Zones.SelectMany(z => z.ExternalProviders).Append(rogue).Select(State))
            .ToArray();
        var facts =
            from zone in Gen.Elements(Model.Zones.Select(z => z.Id).ToArray())
            from states in Gen.SubListOf(everything)
            from circuits in Gen.ArrayOf(Gen.Elements(PoolCircuit.Closed, PoolCircuit.Open), states.Count)
            from failed in Gen.ArrayOf(Gen.Elements(true, false), states.Count)
            from dataClass in Gen.Elements(DataClass.None, DataClass.Direct, DataClass.Sensitive)
            from requested in Gen.Elements("auto", "fast", "reasoning", "verified", "frontier", "deepseek-r1", ProviderPolicies.ProviderModel)
            from costTier in Gen.Choose(0, 3)
            from maxTier in Gen.Choose(0, 3)
            select new RouteFacts(
                zone, requested, costTier, maxTier,
                states.Select((s, i) => s with { LastScrapeFailed = failed[i] && !s.IsExternal, Health = new PoolHealth(circuits[i], false, 0, null, 0) }).ToArray(),
                Model.Models, Model.Tiers, Now, dataClass, Model.MayReceive);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(facts.ToArbitrary(), f =>
        {
            var providers = PoolChooser.Choose(f, new Random(f.Pools.Count)).PoolIds
                .Select(id => f.Pools.First(s => s.Pool.Id == id).Provider).OfType<ExternalProvider>().ToArray();
            return providers.All(p => p.Zone == f.Zone && Model.MayReceive(p, f.DataClass) && f.Zone != "cn");
        }));
    }

    public void Dispose() => _policies.Dispose();

    private RouteDecision Choose(string requested, DataClass dataClass, PoolState[] states, int costTier = 3) =>
        PoolChooser.Choose(new RouteFacts("sgp", requested, costTier, 3, states, Model.Models, Model.Tiers, Now, dataClass, Model.MayReceive), new Random(1));

    private PoolState[] Pools(string zone) => Model.PoolsIn(zone).Select(p => new PoolState(p, new PoolLoad(0, 0, 0), false)).ToArray();

    private PoolState[] Providers(params string[] names) =>
        Model.Routing.Of("sgp").ExternalProviders.Where(p => names.Length == 0 || names.Contains(p.Name)).Select(State).ToArray();

    private PoolState State(ExternalProvider provider) => new(ProviderPool.For(provider, Model.Tiers.Max(t => t.Level)), null, false, 0, null, provider);
}
