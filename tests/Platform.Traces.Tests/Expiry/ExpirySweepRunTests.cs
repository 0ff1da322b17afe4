using Microsoft.Extensions.Logging.Abstractions;
using Platform.Traces.Expiry;

namespace Platform.Traces.Tests.Expiry;

public sealed class ExpirySweepRunTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunUnderWay_ASecondRequestIsSkipped_AndTheFirstFinishes()
    {
        var blocked = new BlockedSweep();
        var run = new ExpirySweepRun([blocked], new FakeTime(Start), NullLogger<ExpirySweepRun>.Instance);

        var first = run.RunAsync(CancellationToken.None);
        await blocked.Started.Task;
        var second = await run.RunAsync(CancellationToken.None);
        blocked.Release.SetResult(3);

        second.Skipped.ShouldBe(SweepReport.SkippedRunning);
        (await first).Swept.ShouldBe([new StoreSweep("traces", 3, Failed: false)]);
    }

    [Fact]
    public async Task OneStoreFails_TheOthersAreStillSwept_AndTheReportSaysWhichWithoutWhy()
    {
        var run = new ExpirySweepRun([new FailingSweep(), new CountingSweep("decision records", 2)], new FakeTime(Start), NullLogger<ExpirySweepRun>.Instance);

        var report = await run.RunAsync(CancellationToken.None);

        report.Swept.ShouldBe([new StoreSweep("traces", 0, Failed: true), new StoreSweep("decision records", 2, Failed: false)]);
        System.Text.Json.JsonSerializer.Serialize(report, TraceJson.Options).ShouldNotContain(FailingSweep.Secret);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(300, false)]
    [InlineData(3600, false)]
    public void TooSoon_WithinFiveMinutesOfTheLastStart(int? secondsSinceLast, bool tooSoon) =>
        ExpirySweepRun.TooSoon(secondsSinceLast is { } s ? Start.AddSeconds(-s) : null, Start).ShouldBe(tooSoon);

    private sealed class BlockedSweep : IExpirySweep
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<int> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Holds => "traces";

        public Task<int> SweepOnceAsync(CancellationToken cancellationToken)
        {
            Started.SetResult();
            return Release.Task;
        }
    }

    private sealed class FailingSweep : IExpirySweep
    {
        public const string Secret = "bucket platform-traces-sgp-111111111111 denied";

        public string Holds => "traces";

        public Task<int> SweepOnceAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);
    }

    private sealed class CountingSweep(string holds, int deleted) : IExpirySweep
    {
        public string Holds => holds;

        public Task<int> SweepOnceAsync(CancellationToken cancellationToken) => Task.FromResult(deleted);
    }
}
