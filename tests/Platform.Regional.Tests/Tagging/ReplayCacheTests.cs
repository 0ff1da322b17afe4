using Platform.Regional.Tagging;

namespace Platform.Regional.Tests.Tagging;

public sealed class ReplayCacheTests
{
    private readonly FakeTime _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RequestId_IsRefusedAgainWhileItsSignatureCouldStillVerify_ThenForgotten()
    {
        var cache = new ReplayCache(_time);
        cache.Record("a").ShouldBe(ReplayCheck.Fresh);

        _time.Advance(TimeSpan.FromSeconds(65));
        cache.Record("a").ShouldBe(ReplayCheck.Replayed);

        _time.Advance(ReplayCache.Window);
        cache.Record("a").ShouldBe(ReplayCheck.Fresh);
    }

    [Fact]
    public void FullCache_RefusesNewIds_RatherThanForgetLiveOnes()
    {
        var cache = new ReplayCache(_time, capacity: 2);
        cache.Record("a").ShouldBe(ReplayCheck.Fresh);
        cache.Record("b").ShouldBe(ReplayCheck.Fresh);

        cache.Record("c").ShouldBe(ReplayCheck.Full);
        cache.Record("a").ShouldBe(ReplayCheck.Replayed);

        _time.Advance(ReplayCache.Window);
        cache.Record("c").ShouldBe(ReplayCheck.Fresh);
    }
}
