using Platform.Compliance;
using Platform.Regional.Metrics;
using Platform.Regional.Routing;

namespace Platform.Regional.Tests.Metrics;

public sealed class PoolBreakerTests
{
    private static readonly Pool Fast = ComplianceModel.Embedded.Pools.Single(p => p.Id == "sgp-h100-fast-a");

    private static readonly PoolChoiceSettings Settings = PoolChoiceSettings.Default with
    {
        MinimumThroughput = 4,
        Window = TimeSpan.FromSeconds(60),
        BreakDuration = TimeSpan.FromSeconds(30),
        P99BudgetFactor = 4,
    };

    [Fact]
    public async Task FailuresOverTheThreshold_OpenTheCircuit_ThenOneProbeAfterTheBreak_ClosesItWhenItSucceeds()
    {
        var time = new FakeTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var breaker = new PoolBreaker(Fast, Settings, time);

        for (var i = 0; i < 4; i++)
        {
            (await Call(breaker, failed: true)).ShouldBeTrue();
        }

        breaker.Health().ShouldBe(new PoolHealth(PoolCircuit.Open, false, 1, null, 4));
        (await Call(breaker, failed: false)).ShouldBeFalse("an open circuit refuses calls");

        time.Advance(TimeSpan.FromSeconds(31));
        breaker.Health().Admits.ShouldBeTrue("the break is over: the next call is the probe");
        (await Call(breaker, failed: false)).ShouldBeTrue();
        breaker.Health().Circuit.ShouldBe(PoolCircuit.Closed);
    }

    [Fact]
    public async Task ProbeThatFails_ReopensTheCircuit_ForAnotherBreak()
    {
        var time = new FakeTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var breaker = new PoolBreaker(Fast, Settings, time);
        for (var i = 0; i < 4; i++)
        {
            await Call(breaker, failed: true);
        }

        time.Advance(TimeSpan.FromSeconds(31));
        (await Call(breaker, failed: true)).ShouldBeTrue();

        breaker.Health().Circuit.ShouldBe(PoolCircuit.Open);
        breaker.Health().ProbeDue.ShouldBeFalse();
    }

    [Fact]
    public async Task P99OverTheBudget_OpensTheCircuit_ThoughNothingFailed()
    {
        var time = new FakeTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var breaker = new PoolBreaker(Fast, Settings, time);
        var overBudget = (Fast.Performance.TtftMs * Settings.P99BudgetFactor) + 1;

        for (var i = 0; i < 5; i++)
        {
            await Call(breaker, failed: false, firstByteMs: overBudget);
        }

        var health = breaker.Health();
        health.Circuit.ShouldBe(PoolCircuit.Open);
        health.ErrorRate.ShouldBe(0);
        health.P99FirstByteMs.ShouldBe(overBudget);
    }

    [Fact]
    public async Task CallsWeCancelledOurselves_DoNotCount()
    {
        var time = new FakeTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var breaker = new PoolBreaker(Fast, Settings, time);

        await breaker.RunAsync(false, () => Task.FromResult("lost"), _ => new AttemptVerdict(false, null, false));

        breaker.Health().Samples.ShouldBe(0);
    }

    [Fact]
    public async Task EveryPoolOut_BypassGoesAheadDespiteAnOpenCircuit()
    {
        var time = new FakeTime(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var breaker = new PoolBreaker(Fast, Settings, time);
        for (var i = 0; i < 4; i++)
        {
            await Call(breaker, failed: true);
        }

        (await breaker.RunAsync(true, () => Task.FromResult("ran"), _ => new AttemptVerdict(false, null, true))).ShouldBe("ran");
    }

    /// <summary>True when the breaker let the call run.</summary>
    private static async Task<bool> Call(PoolBreaker breaker, bool failed, double? firstByteMs = null) =>
        await breaker.RunAsync(false, () => Task.FromResult("ran"), _ => new AttemptVerdict(failed, firstByteMs, true)) is not null;
}
