using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.Traces.Spool;

namespace Platform.Traces.Tests.Spool;

public sealed class SpoolingTraceStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "spool-test-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTime _time = new(Start);
    private readonly FakeTraceStore _target = new("sgp");
    private readonly List<SpoolHarness> _harnesses = [];

    public void Dispose()
    {
        _harnesses.ForEach(h => h.Dispose());
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task StoreDown_TracesWaitOnDisk_AndPutsReturnAtOnce()
    {
        var h = Harness();
        _target.Down = true;

        var puts = Enumerable.Range(0, 20).Select(i => h.Store.PutAsync(Trace($"req-{i}"), Start.AddDays(30), CancellationToken.None)).ToList();
        var round = await h.RoundAsync();

        puts.ShouldAllBe(p => p.IsCompletedSuccessfully);
        (await puts[3]).Key.ShouldBe("traces/sgp/2026-11-22/req-3.json");
        round.Failed.ShouldBeGreaterThan(0);
        h.Spool.Count.ShouldBe(20);
        Directory.GetFiles(_directory, "*.json").Length.ShouldBe(20);
        _target.Puts.ShouldBeEmpty();
        h.DeliveryLog.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("20 traces wait in the spool"));
    }

    [Fact]
    public async Task StoreBack_EveryTraceDeliveredExactlyOnce_AndRemovedFromDisk()
    {
        var h = Harness();
        _target.Down = true;
        for (var i = 0; i < 200; i++)
        {
            await h.Store.PutAsync(Trace($"req-{i}"), Start.AddDays(30), CancellationToken.None);
        }

        await h.RoundAsync();
        _target.Down = false;
        var delivered = await h.MeasuredAsync("platform.traces.delivered", h.DeliverAllAsync);

        _target.Puts.Count.ShouldBe(200);
        _target.Puts.Values.ShouldAllBe(n => n == 1);
        delivered.ShouldBe(200);
        h.Spool.Count.ShouldBe(0);
        Directory.GetFiles(_directory).ShouldBeEmpty();
        h.Delivery.FailingSince.ShouldBeNull();
    }

    [Fact]
    public async Task Restart_NewSpoolOverTheSameDirectory_DeliversWhatWasPending()
    {
        var before = Harness();
        _target.Down = true;
        for (var i = 0; i < 10; i++)
        {
            await before.Store.PutAsync(Trace($"req-{i}"), Start.AddDays(30), CancellationToken.None);
        }

        // A write cut short by the crash leaves a temporary file: it was never acknowledged, and must not be delivered.
        await File.WriteAllTextAsync(Path.Combine(_directory, "0000_half-written.json.abc.tmp"), "{\"expires_at\":", TestContext.Current.CancellationToken);
        before.Dispose();
        _harnesses.Remove(before);

        _target.Down = false;
        var after = Harness();
        after.Spool.Count.ShouldBe(10);
        await after.DeliverAllAsync();

        _target.Puts.Keys.Order().ShouldBe(Enumerable.Range(0, 10).Select(i => $"traces/sgp/2026-11-22/req-{i}.json").Order());
        Directory.GetFiles(_directory).ShouldBeEmpty();
    }

    [Fact]
    public async Task RedeliveryAfterACrash_OverwritesTheSameKey()
    {
        var h = Harness();
        await h.Store.PutAsync(Trace("req-1"), Start.AddDays(30), CancellationToken.None);
        await h.Spool.FlushAsync(CancellationToken.None);
        var file = Directory.GetFiles(_directory).Single();
        var copy = File.ReadAllBytes(file);
        await h.DeliverAllAsync();

        // The process died after the upload but before deleting the entry: the entry is back after a restart.
        File.WriteAllBytes(file, copy);
        var after = Harness();
        await after.DeliverAllAsync();

        _target.Puts.ShouldHaveSingleItem().Key.ShouldBe("traces/sgp/2026-11-22/req-1.json");
    }

    [Fact]
    public async Task EntriesPastRetention_DeletedFromTheSpool_NeverDelivered()
    {
        var h = Harness();
        _target.Down = true;
        for (var i = 0; i < 5; i++)
        {
            await h.Store.PutAsync(Trace($"req-{i}"), Start.AddDays(45), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromDays(30));
        _target.Down = false;
        var expired = await h.MeasuredAsync("platform.traces.expired_in_spool", h.DeliverAllAsync);

        expired.ShouldBe(5);
        h.Metrics.Expired.ShouldBe(5);
        _target.Puts.ShouldBeEmpty();
        Directory.GetFiles(_directory).ShouldBeEmpty();
    }

    [Fact]
    public async Task EntryExpiringBeforeTheSweepAfterNext_DeletedNow_SoNoneOutlivesItsExpiry()
    {
        var h = Harness();
        _target.Down = true;
        await h.Store.PutAsync(Trace("req-ending"), Start.AddSeconds(90), CancellationToken.None);
        await h.Store.PutAsync(Trace("req-live"), Start.AddMinutes(30), CancellationToken.None);

        var round = await h.RoundAsync();

        round.Expired.ShouldBe(1);
        h.Spool.Count.ShouldBe(1);
        _target.Puts.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExpiredWhenPut_NotSpooled()
    {
        var h = Harness();

        await h.Store.PutAsync(Trace("req-late", Start.AddDays(-31)), Start.AddDays(-1), CancellationToken.None);

        h.Spool.Count.ShouldBe(0);
    }

    [Fact]
    public async Task SpoolFull_DropsCountedInMetricLogAndHealth_AndServingGoesOn()
    {
        var h = Harness(maxEntries: 5);
        _target.Down = true;

        var dropped = await h.MeasuredAsync("platform.traces.dropped", async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                (await h.Store.PutAsync(Trace($"req-{i}"), Start.AddDays(30), CancellationToken.None)).Key.ShouldEndWith($"req-{i}.json");
            }
        });

        dropped.ShouldBe(3);
        h.Metrics.Dropped.ShouldBe(3);
        h.Spool.Count.ShouldBe(5);
        h.Spool.IsFull.ShouldBeTrue();
        h.SpoolLog.Entries.Count(e => e.Level == LogLevel.Error).ShouldBe(1);
        h.SpoolLog.Entries.ShouldContain(e => e.Message.Contains("DROPPED"));
        var health = await h.Health.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description.ShouldBe("Trace spool full: new traces are dropped (3 so far) until the store catches up.");
        health.Data["dropped"].ShouldBe(3L);

        _target.Down = false;
        await h.DeliverAllAsync();

        h.Spool.IsFull.ShouldBeFalse();
        (await h.Health.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status.ShouldBe(HealthStatus.Healthy);
        h.SpoolLog.Entries.ShouldContain(e => e.Message.Contains("room again after dropping 3 traces"));
    }

    [Fact]
    public async Task SpoolOverItsByteLimit_Drops()
    {
        var h = Harness(maxBytes: 4096);
        _target.Down = true;

        for (var i = 0; i < 20; i++)
        {
            await h.Store.PutAsync(Trace($"req-{i}"), Start.AddDays(30), CancellationToken.None);
        }

        h.Spool.Bytes.ShouldBeLessThanOrEqualTo(4096);
        h.Metrics.Dropped.ShouldBe(20 - h.Spool.Count);
        h.Metrics.Dropped.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task StoreFailingForAMinute_HealthDegraded()
    {
        var h = Harness();
        _target.Down = true;
        await h.Store.PutAsync(Trace("req-1"), Start.AddDays(30), CancellationToken.None);
        await h.RoundAsync();

        _time.Advance(TimeSpan.FromMinutes(1));
        var health = await h.Health.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description.ShouldBe("Trace store failing since 2026-11-22 10:00:00Z; 1 traces wait in the spool.");
    }

    [Fact]
    public async Task TraceTheStoreRefuses_DroppedAndCounted_NotRetriedForever()
    {
        var h = Harness();
        _target.Refuses = true;
        await h.Store.PutAsync(Trace("req-1"), Start.AddDays(30), CancellationToken.None);

        await h.DeliverAllAsync();

        h.Spool.Count.ShouldBe(0);
        h.Metrics.Dropped.ShouldBe(1);
    }

    [Fact]
    public async Task UnreadableEntry_DroppedAndCounted()
    {
        var h = Harness();
        await h.Store.PutAsync(Trace("req-1"), Start.AddDays(30), CancellationToken.None);
        await h.Spool.FlushAsync(CancellationToken.None);
        await File.WriteAllTextAsync(Directory.GetFiles(_directory).Single(), "not json", TestContext.Current.CancellationToken);

        await h.DeliverAllAsync();

        h.Spool.Count.ShouldBe(0);
        h.Metrics.Dropped.ShouldBe(1);
        _target.Puts.ShouldBeEmpty();
    }

    [Fact]
    public async Task TraceOfAnotherZone_RefusedBeforeItIsSpooled()
    {
        var h = Harness();

        await Should.ThrowAsync<ArgumentException>(() => h.Store.PutAsync(TestTraces.Make("fra", "req-1", Start), Start.AddDays(30), CancellationToken.None));

        h.Spool.Count.ShouldBe(0);
        Should.Throw<ArgumentException>(() => new SpoolingTraceStore(new FakeTraceStore("fra"), TestTraces.Zone("sgp"), h.Spool, _time));
    }

    [Fact]
    public async Task RunningInTheBackground_DeliversWithoutBeingAsked()
    {
        var h = Harness();
        var time = TimeProvider.System;
        var live = new SpoolDelivery(h.Spool, _target, h.Metrics, time, new ListLogger<SpoolDelivery>());
        await live.StartAsync(TestContext.Current.CancellationToken);
        var now = time.GetUtcNow();

        await h.Store.PutAsync(Trace("req-bg", now), now.AddDays(1), CancellationToken.None);
        for (var i = 0; i < 100 && _target.Puts.IsEmpty; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await live.StopAsync(TestContext.Current.CancellationToken);
        live.Dispose();
        _target.Puts.Keys.ShouldHaveSingleItem().ShouldEndWith("req-bg.json");
    }

    private SpoolHarness Harness(int maxEntries = 1000, long maxBytes = 1L << 30)
    {
        var h = new SpoolHarness(_directory, _target, TestTraces.Zone("sgp"), _time, maxEntries, maxBytes);
        _harnesses.Add(h);
        return h;
    }

    private static TraceRecord Trace(string id, DateTimeOffset? startedAt = null) => TestTraces.Make("sgp", id, startedAt ?? Start);
}
