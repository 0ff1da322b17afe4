using Platform.GpuPools.Simulator.Faults;

namespace Platform.GpuPools.Tests.Faults;

public sealed class FaultSettingsTests
{
    [Theory]
    [InlineData(null, 10, null)]
    [InlineData(3, 10, 3)]
    [InlineData(0, 10, 0)]
    [InlineData(10, 10, null)] // the whole reply gets out: nothing to cut
    [InlineData(50, 10, null)]
    public void DropBefore_CutsOnlyRepliesLongerThanN(int? dropAfter, int completionTokens, int? expected) =>
        new FaultSettings(DropAfterTokens: dropAfter).DropBefore(completionTokens).ShouldBe(expected);

    [Theory]
    [InlineData(-0.1, null, "error_rate must be between 0 and 1.")]
    [InlineData(1.1, null, "error_rate must be between 0 and 1.")]
    [InlineData(double.NaN, null, "error_rate must be between 0 and 1.")]
    [InlineData(0.5, -1, "drop_after_tokens must be 0 or more (or null for never).")]
    [InlineData(1.0, 0, null)]
    public void Problem_NamesTheBadSetting(double errorRate, int? dropAfter, string? problem) =>
        new FaultSettings(errorRate, DropAfterTokens: dropAfter).Problem().ShouldBe(problem);

    [Fact]
    public void PoolFaults_SeededErrorRate_FailsAboutThatFractionRepeatably()
    {
        static int Failures() {
            var faults = new PoolFaults(new FaultSettings(ErrorRate: 0.3), new Random(42));
            return Enumerable.Range(0, 1000).Count(_ => faults.DrawError(faults.Current));
        }

        var failures = Failures();

        failures.ShouldBeInRange(250, 350);
        Failures().ShouldBe(failures);
    }

    [Fact]
    public void PoolFaults_Setters_ChangeOnlyTheirFault_AndRejectBadValues()
    {
        var faults = new PoolFaults(FaultSettings.None, new Random(1));

        faults.SetErrorRate(0.25);
        faults.SetHang(true);
        faults.SetDropAfterTokens(4);
        faults.SetDown(true);

        faults.Current.ShouldBe(new FaultSettings(0.25, true, 4, true));
        Should.Throw<ArgumentException>(() => faults.SetErrorRate(2));
        faults.Current.ErrorRate.ShouldBe(0.25);
        faults.Clear();
        faults.Current.ShouldBe(FaultSettings.None);
    }
}
