using Amazon.S3.Model;
using Platform.Traces.S3;
using Platform.Traces.Tests.Spool;

namespace Platform.Traces.Tests.S3;

/// <summary>The spool in front of the real S3 store, with the network to the gateway cut and restored.</summary>
[Collection(CephCollection.Name)]
public sealed class SpoolOverS3Tests(CephS3Server ceph) : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "spool-s3-test-" + Guid.NewGuid().ToString("N"));
    private readonly ToggleProxy _proxy = new(ceph.Endpoint);
    private readonly List<IDisposable> _owned = [];

    public async ValueTask DisposeAsync()
    {
        _owned.ForEach(d => d.Dispose());
        await _proxy.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task S3DownWhileRequestsFlow_ThenBack_EveryTraceInTheBucketExactlyOnce()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 30);
        var h = Harness(bucket);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 10; i++)
        {
            await h.Store.PutAsync(TestTraces.Make("sgp", $"before-{i}", now), now.AddDays(30), CancellationToken.None);
        }

        await h.DeliverAllAsync();
        _proxy.Down();
        var puts = Enumerable.Range(0, 40).Select(i => h.Store.PutAsync(TestTraces.Make("sgp", $"during-{i}", now), now.AddDays(30), CancellationToken.None)).ToList();
        var failed = await h.RoundAsync();

        puts.ShouldAllBe(p => p.IsCompletedSuccessfully, "a put must never wait for S3");
        failed.Failed.ShouldBeGreaterThan(0);
        h.Spool.Count.ShouldBe(40);

        _proxy.Up();
        await h.DeliverAllAsync();

        h.Spool.Count.ShouldBe(0);
        var keys = await KeysAsync(bucket);
        keys.Count.ShouldBe(50);
        keys.Distinct().Count().ShouldBe(50);
        keys.ShouldContain($"traces/sgp/{TraceKeys.DayOf(now)}/during-39.json");
    }

    [Fact]
    public async Task GatewayKilledWhileTracesFlow_ThenRestarted_EveryTraceInTheBucketExactlyOnce()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 30);
        var zone = TestTraces.Zone("sgp");
        var s3 = S3Clients.Create(ceph.Options(bucket));
        _owned.Add(s3);
        var store = new S3TraceStore(s3, bucket, zone, null, new TraceBucketGuard(s3, bucket, zone, TimeProvider.System), TimeProvider.System);
        var h = new SpoolHarness(_directory, store, zone, TimeProvider.System);
        _owned.Add(h);
        await h.Delivery.StartAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        try
        {
            for (var i = 0; i < 60; i++)
            {
                if (i == 20)
                {
                    await ceph.GatewayAsync(up: false);
                }

                if (i == 40)
                {
                    await ceph.GatewayAsync(up: true);
                }

                (await h.Store.PutAsync(TestTraces.Make("sgp", $"flow-{i}", now), now.AddDays(30), CancellationToken.None)).Key.ShouldEndWith($"flow-{i}.json");
            }
        }
        finally
        {
            await ceph.GatewayAsync(up: true);
        }

        // The delivery loop backs off while the gateway is away (at most 30 s between tries): wait for it, bounded.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (h.Spool.Count > 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, CancellationToken.None);
        }

        await h.Delivery.StopAsync(CancellationToken.None);
        h.Spool.Count.ShouldBe(0);
        var keys = await KeysAsync(bucket);
        keys.Count.ShouldBe(60);
        keys.Distinct().Count().ShouldBe(60);
    }

    [Fact]
    public async Task RestartWhileS3Down_NewInstanceDeliversThePendingTraces()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 30);
        var before = Harness(bucket);
        var now = DateTimeOffset.UtcNow;
        _proxy.Down();
        for (var i = 0; i < 15; i++)
        {
            await before.Store.PutAsync(TestTraces.Make("sgp", $"req-{i}", now), now.AddDays(30), CancellationToken.None);
        }

        await before.RoundAsync();

        _proxy.Up();
        var after = Harness(bucket);
        await after.DeliverAllAsync();

        (await KeysAsync(bucket)).Order().ShouldBe(Enumerable.Range(0, 15).Select(i => $"traces/sgp/{TraceKeys.DayOf(now)}/req-{i}.json").Order());
    }

    [Fact]
    public async Task LifecycleRuleRemovedAfterStart_NothingWritten_TracesWaitInTheSpool()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: null);
        var h = Harness(bucket);
        var now = DateTimeOffset.UtcNow;
        await h.Store.PutAsync(TestTraces.Make("sgp", "req-1", now), now.AddDays(30), CancellationToken.None);

        var round = await h.RoundAsync();

        round.Failed.ShouldBe(1);
        h.Spool.Count.ShouldBe(1);
        (await KeysAsync(bucket)).ShouldBeEmpty();
    }

    private SpoolHarness Harness(string bucket)
    {
        var zone = TestTraces.Zone("sgp");
        var s3 = S3Clients.Create(ceph.Options(bucket, _proxy.Endpoint));
        var store = new S3TraceStore(s3, bucket, zone, null, new TraceBucketGuard(s3, bucket, zone, TimeProvider.System), TimeProvider.System);
        var h = new SpoolHarness(_directory, store, zone, TimeProvider.System);
        _owned.Add(h);
        _owned.Add(s3);
        return h;
    }

    private async Task<List<string>> KeysAsync(string bucket)
    {
        using var s3 = ceph.Client();
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        do
        {
            var page = await s3.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (request.ContinuationToken is not null);

        return keys;
    }
}
