using FsCheck;
using FsCheck.Fluent;

namespace Platform.Compliance.Tests;

public sealed class ZoneRuleTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Embedded;

    [Theory]
    [InlineData("CN", "cn")]
    [InlineData("SG", "sgp")]
    [InlineData("VN", "sgp")]
    [InlineData("DE", "fra")]
    [InlineData("NO", "fra")]
    [InlineData("HK", "sgp")]
    [InlineData("US", "sgp")]
    [InlineData(null, "sgp")]
    public void Country_HasItsHomeZone_OthersTheDefault(string? country, string zone) =>
        Model.HomeZoneOfCountry(country).ShouldBe(zone);

    [Fact]
    public void NonPiiFromSgp_MayFailOverToFra_Only()
    {
        Model.ServingZones("sgp", DataClass.None).ShouldBe(["sgp", "fra"]);
        Model.ServingZones("fra", DataClass.None).ShouldBe(["fra", "sgp"]);
        Model.ServingZones("cn", DataClass.None).ShouldBe(["cn"]);
    }

    [Fact]
    public void PiiNeverLeavesItsHomeZone_ForAnyZoneAndServingCandidate()
    {
        var zones = Model.Zones.Select(z => z.Id).ToArray();
        var property = Prop.ForAll(
            Gen.Elements(zones).ToArbitrary(),
            Gen.Elements(DataClass.Direct, DataClass.Sensitive).ToArbitrary(),
            Gen.Elements(zones).ToArbitrary(),
            (home, dataClass, serving) =>
                Model.ServingZones(home, dataClass).SequenceEqual([home])
                && Model.MayServe(home, dataClass, serving) == (serving == home));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void CnTraffic_NeverLeavesCn_AndNothingEntersIt()
    {
        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            Model.ServingZones("cn", dataClass).ShouldBe(["cn"]);
            Model.MayServe("sgp", dataClass, "cn").ShouldBeFalse();
            Model.MayServe("fra", dataClass, "cn").ShouldBeFalse();
        }
    }

    [Fact]
    public void UnknownPiiType_CountsAsSensitive_SoANewDetectorNeverLowersProtection()
    {
        Model.DataClasses.ClassOf(["person_name"]).ShouldBe(DataClass.Direct);
        Model.DataClasses.ClassOf(["person_name", "health"]).ShouldBe(DataClass.Sensitive);
        Model.DataClasses.ClassOf([]).ShouldBe(DataClass.None);
        Model.DataClasses.ClassOf(["something_new"]).ShouldBe(DataClass.Sensitive);
    }

    [Fact]
    public void EveryPool_RunsOnAnAcceleratorItsZoneAllows()
    {
        foreach (var pool in Model.Pools)
        {
            Model.Zone(pool.Zone).Accelerators.ShouldContain(pool.Accelerator.Id);
        }

        Model.PoolsIn("cn").ShouldAllBe(p => p.Accelerator.Vendor == "huawei");
    }

    [Fact]
    public void PriceCost_BillsCachedInputAtItsOwnRate()
    {
        var price = new Price(Input: 1.00m, CachedInput: 0.25m, Output: 4.00m);

        price.Cost(inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 500_000).ShouldBe(0.6m + 0.1m + 2.0m);
    }
}
