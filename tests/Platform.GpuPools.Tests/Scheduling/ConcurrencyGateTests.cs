using Platform.GpuPools.Simulator.Scheduling;

namespace Platform.GpuPools.Tests.Scheduling;

public sealed class ConcurrencyGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BelowCapacity_EntersAtOnce()
    {
        var gate = new ConcurrencyGate(2);

        using var a = await gate.EnterAsync(10, Ct);
        using var b = await gate.EnterAsync(20, Ct);

        gate.Snapshot().ShouldBe((2, 0, 30L));
    }

    [Fact]
    public async Task AtCapacity_WaitersAreAdmittedInArrivalOrder()
    {
        var gate = new ConcurrencyGate(1);
        var first = await gate.EnterAsync(1, Ct);
        var second = gate.EnterAsync(2, Ct);
        var third = gate.EnterAsync(3, Ct);

        gate.Snapshot().ShouldBe((1, 2, 1L));
        first.Dispose();
        var secondSlot = await second;

        third.IsCompleted.ShouldBeFalse();
        gate.Snapshot().ShouldBe((1, 1, 2L));
        secondSlot.Dispose();
        using var thirdSlot = await third;
        gate.Snapshot().ShouldBe((1, 0, 3L));
    }

    [Fact]
    public async Task CancelledWaiter_LeavesTheQueue_AndIsNeverAdmitted()
    {
        var gate = new ConcurrencyGate(1);
        var first = await gate.EnterAsync(1, Ct);
        using var leaving = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(2, leaving.Token);
        var next = gate.EnterAsync(3, Ct);

        await leaving.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        gate.Snapshot().ShouldBe((1, 1, 1L));
        first.Dispose();

        using var nextSlot = await next;
        gate.Snapshot().ShouldBe((1, 0, 3L));
    }

    [Fact]
    public async Task Slot_DisposedTwice_FreesOnlyOnce()
    {
        var gate = new ConcurrencyGate(1);
        var slot = await gate.EnterAsync(1, Ct);
        var waiting = gate.EnterAsync(1, Ct);
        slot.Dispose();
        using var admitted = await waiting;

        slot.Dispose();

        gate.Snapshot().Running.ShouldBe(1);
    }

    [Fact]
    public async Task GeneratedTokens_AddToTheHeldTokens()
    {
        var gate = new ConcurrencyGate(4);
        using var slot = await gate.EnterAsync(100, Ct);

        slot.AddGenerated(5);

        gate.Snapshot().RunningTokens.ShouldBe(105);
    }
}
