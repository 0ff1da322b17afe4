using Platform.Compliance;
using Platform.GpuPools.Simulator.Serving;

namespace Platform.GpuPools.Tests.Serving;

public sealed class TokenTimingTests
{
    [Fact]
    public void FirstTokenAfterTtft_ThenOnePerTokenInterval()
    {
        var timing = TokenTiming.For(new Performance(TtftMs: 200, TokensPerSecond: 50), speedFactor: 1);

        timing.DueAt(0).ShouldBe(TimeSpan.FromMilliseconds(200));
        timing.DueAt(10).ShouldBe(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void SpeedFactor_DividesBothTtftAndTokenInterval()
    {
        var timing = TokenTiming.For(new Performance(TtftMs: 200, TokensPerSecond: 50), speedFactor: 4);

        timing.DueAt(0).ShouldBe(TimeSpan.FromMilliseconds(50));
        timing.DueAt(10).ShouldBe(TimeSpan.FromMilliseconds(100));
    }
}
