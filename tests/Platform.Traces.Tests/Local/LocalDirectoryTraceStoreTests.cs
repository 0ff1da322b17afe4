using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;
using Platform.Traces.Local;

namespace Platform.Traces.Tests.Local;

public sealed class LocalDirectoryTraceStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "traces-test-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTime _time = new(Start);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Put_ThenGetAndList_ReturnsTheSameTrace()
    {
        var store = Store("sgp");
        var trace = Trace("sgp", "req-1", answer: "Hello");

        var stored = await store.PutAsync(trace, Start.AddDays(30), CancellationToken.None);

        stored.Key.ShouldBe("traces/sgp/2026-11-22/req-1.json");
        File.Exists(Path.Combine(_root, "traces", "sgp", "2026-11-22", "req-1.json")).ShouldBeTrue();
        var got = await store.GetAsync(stored.Key, CancellationToken.None);
        got.ShouldNotBeNull();
        got.ExpiresAt.ShouldBe(Start.AddDays(30));
        got.Trace.Answer.ShouldBe("Hello");
        got.Trace.Tags.ShouldBe(trace.Tags with { PiiTypes = got.Trace.Tags.PiiTypes });
        got.Trace.Usage.ShouldBe(trace.Usage);
        got.Trace.Attempts.ShouldBe(trace.Attempts);
        var listed = await TestTraces.ToListAsync(store.ListAsync(Start.AddHours(-1), Start.AddHours(1), CancellationToken.None));
        listed.Select(t => t.Key).ShouldBe([stored.Key]);
    }

    [Fact]
    public async Task Put_SameRequestIdTwice_OverwritesOneFile()
    {
        var store = Store("sgp");
        await store.PutAsync(Trace("sgp", "req-1", answer: "first"), Start.AddDays(30), CancellationToken.None);
        var stored = await store.PutAsync(Trace("sgp", "req-1", answer: "second"), Start.AddDays(30), CancellationToken.None);

        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length.ShouldBe(1);
        (await store.GetAsync(stored.Key, CancellationToken.None))!.Trace.Answer.ShouldBe("second");
    }

    [Fact]
    public async Task KeyOrTraceOfAnotherZone_IsRefused()
    {
        var store = Store("sgp");

        await Should.ThrowAsync<ArgumentException>(() => store.GetAsync("traces/fra/2026-11-22/req-1.json", CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.GetAsync("traces/sgp/../fra/2026-11-22/req-1.json", CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(Trace("fra", "req-1"), Start.AddDays(1), CancellationToken.None));
        Directory.Exists(Path.Combine(_root, "traces", "fra")).ShouldBeFalse();
    }

    [Fact]
    public async Task ExpiredTrace_IsNeitherListedNorReturned()
    {
        var store = Store("sgp");
        var shortLived = await store.PutAsync(Trace("sgp", "short"), Start.AddHours(1), CancellationToken.None);
        await store.PutAsync(Trace("sgp", "long"), Start.AddDays(30), CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(2));

        (await store.GetAsync(shortLived.Key, CancellationToken.None)).ShouldBeNull();
        var listed = await TestTraces.ToListAsync(store.ListAsync(Start.AddDays(-1), Start.AddDays(1), CancellationToken.None));
        listed.Select(t => t.Trace.RequestId).ShouldBe(["long"]);
    }

    [Fact]
    public async Task ExpiryBeyondTheHardLimit_IsCutToTheLimit()
    {
        var stored = await Store("sgp").PutAsync(Trace("sgp", "req-1"), Start.AddDays(365), CancellationToken.None);

        stored.ExpiresAt.ShouldBe(Start.AddDays(Retention.MaxTraceDays));
    }

    [Fact]
    public async Task Sweeper_DeletesEachTraceBeforeItsExpiryPasses_AndEmptyDayFolders_KeepsLiveOnes()
    {
        var store = Store("sgp");
        // Expires in three hours: the hourly sweeper reaches two hours ahead, so the sweep after next takes it, never one after its expiry.
        await store.PutAsync(Trace("sgp", "old", startedAt: Start.AddDays(-1)), Start.AddHours(3), CancellationToken.None);
        await store.PutAsync(Trace("sgp", "young"), Start.AddDays(30), CancellationToken.None);
        var sweeper = new LocalTraceSweeper(store, TimeSpan.FromHours(1), _time, NullLogger<LocalTraceSweeper>.Instance);

        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(0);
        _time.Advance(TimeSpan.FromHours(2));
        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBe(1);

        Directory.Exists(Path.Combine(_root, "traces", "sgp", "2026-11-21")).ShouldBeFalse();
        File.Exists(Path.Combine(_root, "traces", "sgp", "2026-11-22", "young.json")).ShouldBeTrue();
    }

    private LocalDirectoryTraceStore Store(string zone) => new(zone, _root, _time);

    private static TraceRecord Trace(string zone, string id, string answer = "ok", DateTimeOffset? startedAt = null) =>
        TestTraces.Make(zone, id, startedAt ?? Start, answer);
}
