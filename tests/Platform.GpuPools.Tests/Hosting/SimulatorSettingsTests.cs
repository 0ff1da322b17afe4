using Platform.Compliance;
using Platform.GpuPools.Simulator;
using Platform.GpuPools.Simulator.Hosting;

namespace Platform.GpuPools.Tests.Hosting;

public sealed class SimulatorSettingsTests
{
    [Fact]
    public void KnownPool_TakesModelPerformanceAndCapacityFromPoolsYaml()
    {
        var settings = SimulatorSettings.From(ComplianceModel.Embedded, "cn-910b-fast-a", null);

        var expected = ComplianceModel.Embedded.Pools.Single(p => p.Id == "cn-910b-fast-a");
        settings.Pool.ShouldBe(expected);
        settings.SpeedFactor.ShouldBe(1);
    }

    [Fact]
    public void UnknownPool_FailsAtStart_ListingTheKnownPools()
    {
        var error = Should.Throw<InvalidOperationException>(() => SimulatorApp.Create(["--Simulator:Pool=sgp-a100-nope"]));

        error.Message.ShouldContain("'sgp-a100-nope' is not a pool in policies/pools.yaml");
        error.Message.ShouldContain("sgp-h100-fast-a");
    }

    [Fact]
    public void NoPool_FailsAtStart_SayingWhichKeyToSet() =>
        Should.Throw<InvalidOperationException>(() => SimulatorApp.Create([]))
            .Message.ShouldStartWith("Simulator:Pool is not set");

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("fast")]
    public void BadSpeedFactor_Fails(string speed) =>
        Should.Throw<InvalidOperationException>(() => SimulatorSettings.From(ComplianceModel.Embedded, "sgp-h100-fast-a", speed))
            .Message.ShouldContain("Simulator:SpeedFactor");
}
