using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

/// <summary>The regional function's host with the S3 store, started against buckets with and without a good lifecycle.</summary>
[Collection(CephCollection.Name)]
public sealed class TraceBucketStartupTests(CephS3Server ceph) : IDisposable
{
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "spool-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }
    }

    [Fact]
    public async Task BucketWithoutLifecycle_RefusesToStart()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: null);
        using var host = Host(bucket);

        var e = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        e.Message.ShouldContain($"bucket '{bucket}'");
        e.Message.ShouldContain("no enabled rule expires 'traces/sgp/' within the zone's 30-day trace retention");
        e.Message.ShouldContain("Found: no lifecycle rule at all");
    }

    [Fact]
    public async Task BucketWithFortyFiveDayRule_RefusesToStart()
    {
        var bucket = await ceph.NewBucketWithRuleDaysAsync("sgp", 45);
        using var host = Host(bucket);

        var e = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        e.Message.ShouldContain("expires after 45 days");
        e.Message.ShouldContain("Fix: add an enabled lifecycle rule with prefix 'traces/sgp/'");
    }

    [Fact]
    public async Task BucketWithThirtyDayRule_RefusesToStart_SinceS3RoundsItUpToTheNextMidnight()
    {
        var bucket = await ceph.NewBucketWithRuleDaysAsync("sgp", 30);
        using var host = Host(bucket);

        var e = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        e.Message.ShouldContain("expires after 30 days");
        e.Message.ShouldContain("Expiration Days <= 29");
    }

    [Fact]
    public async Task BucketWithThePlansRule_StartsAndStoresThroughTheSpool()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 30);
        using var host = Host(bucket);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var store = host.Services.GetRequiredService<ITraceStore>();
        var trace = TestTraces.Make("sgp", "req-host", DateTimeOffset.UtcNow);

        var stored = await store.PutAsync(trace, trace.StartedAt.AddDays(30), TestContext.Current.CancellationToken);

        // Delivery is off the caller's path: wait (bounded) for it to land.
        StoredTrace? got = null;
        for (var i = 0; i < 100 && got is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            got = await store.GetAsync(stored.Key, TestContext.Current.CancellationToken);
        }

        got.ShouldNotBeNull().Trace.RequestId.ShouldBe("req-host");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void MisconfiguredOptions_RefusedAtRegistration_EveryProblemAtOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Regional:Traces:S3:Bucket"] = "platform-traces-fra-1",
            ["Regional:Traces:S3:AccessKey"] = "DEVAK",
        }).Build();

        var e = Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddS3TraceStore(configuration, TestTraces.Zone("sgp")));

        e.Message.ShouldContain("Bucket 'platform-traces-fra-1' is not a trace bucket of zone 'sgp'");
        e.Message.ShouldContain("Regional:Traces:S3:Region is missing");
        e.Message.ShouldContain("AccessKey and Regional:Traces:S3:SecretKey go together");
    }

    private IHost Host(string bucket)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(ceph.Settings(bucket)).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Regional:Traces:Store"] = "s3",
            ["Regional:Traces:Spool:Directory"] = _spool,
        });
        builder.Services.AddTraceStore(builder.Configuration, TestTraces.Zone("sgp"));
        return builder.Build();
    }
}
