using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;
using Platform.Traces.Decisions;
using Platform.Traces.S3;
using Platform.Traces.Tests.S3;

namespace Platform.Traces.Tests.Decisions;

/// <summary>The decision log in the zone's bucket on a real S3 server: one object per record beside the traces.</summary>
[Collection(CephCollection.Name)]
public sealed class S3DecisionLogTests(CephS3Server ceph)
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly Zone Sgp = ComplianceModel.Embedded.Zone("sgp");
    private readonly FakeTime _time = new(Noon);

    [Fact]
    public async Task AppendedRecords_AreReadBackPerWindow_InTimeOrder_FromTheirOwnPrefix()
    {
        var (log, bucket) = await LogAsync();
        await log.AppendAsync(Record("r2", Noon.AddMinutes(-5)));
        await log.AppendAsync(Record("r1", Noon.AddDays(-1)));
        await log.AppendAsync(Record("r3", Noon.AddMinutes(-1), DecisionSource.Edge));
        await log.AppendAsync(Record("r4", Noon.AddHours(1)));

        (await Read(log, Noon.AddDays(-2), Noon)).Select(r => r.RequestId).ShouldBe(["r1", "r2", "r3"]);
        (await Read(log, Noon.AddMinutes(-2), Noon.AddHours(2))).Select(r => r.RequestId).ShouldBe(["r3", "r4"]);
        var read = (await Read(log, Noon.AddMinutes(-5), Noon.AddMinutes(-5))).ShouldHaveSingleItem();
        read.ShouldBe(Record("r2", Noon.AddMinutes(-5)) with { PiiTypes = read.PiiTypes });
        read.PiiTypes.ShouldBe(["email"]);
        (await KeysAsync(bucket)).ShouldContain("decisions/sgp/2026-11-20/115500000-r2-regional.json");
        (await KeysAsync(bucket)).ShouldContain("decisions/sgp/2026-11-20/115900000-r3-edge.json");
    }

    [Fact]
    public async Task Record_IsTaggedWithItsExpiryRetentionClassAndZone()
    {
        var (log, bucket) = await LogAsync();
        await log.AppendAsync(Record("r1", Noon));

        using var s3 = ceph.Client();
        var tags = await s3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = "decisions/sgp/2026-11-20/120000000-r1-regional.json" });
        tags.Tagging.ToDictionary(t => t.Key, t => t.Value).ShouldBe(new Dictionary<string, string>
        {
            ["expires-at"] = "2027-12-25T12:00:00Z",
            ["retention-class"] = "decisions-400d",
            ["zone"] = "sgp",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task ConcurrentAppends_EachStoredOnce_AndARetriedWriteLandsOnTheSameKey()
    {
        var (log, bucket) = await LogAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await log.AppendAsync(Record($"req-{i}", Noon.AddMilliseconds(i)), ct));
        await log.AppendAsync(Record("req-7", Noon.AddMilliseconds(7)));

        (await KeysAsync(bucket)).Count.ShouldBe(200);
        var read = await Read(log, Noon.AddMinutes(-1), Noon.AddMinutes(1));
        read.Select(r => r.RequestId).ShouldBe(Enumerable.Range(0, 200).Select(i => $"req-{i}"));
    }

    [Fact]
    public async Task RecordWithAValueWhereATypeNameBelongs_IsRefused_AndNothingIsWritten()
    {
        var (log, bucket) = await LogAsync();

        var e = await Should.ThrowAsync<ArgumentException>(() => log.AppendAsync(Record("r1", Noon) with { PiiTypes = ["alice@example.com"] }));

        e.Message.ShouldStartWith("A PII type must be a type name");
        e.Message.ShouldNotContain("alice");
        (await KeysAsync(bucket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task KeyOrBucketOfAnotherZone_RefusedBeforeAnyRequestIsSent()
    {
        // Pointed at a closed port: had the log sent anything, the failure would be a network error, not a refusal.
        using var nowhere = new AmazonS3Client("DEVAK", "DEVSK", new AmazonS3Config { ServiceURL = "http://127.0.0.1:9/", ForcePathStyle = true, MaxErrorRetry = 0 });
        var log = new S3DecisionLog(nowhere, "t-traces-sgp-1", Sgp, null, _time, NullLogger.Instance, new DecisionLogMetrics(null));

        (await Should.ThrowAsync<ArgumentException>(() => log.GetAsync("decisions/fra/2026-11-20/120000000-r1-regional.json", CancellationToken.None)))
            .Message.ShouldBe("This store keeps decision records of zone 'sgp' only; the key is not under 'decisions/sgp/'. (Parameter 'key')");
        await Should.ThrowAsync<ArgumentException>(() => log.GetAsync("traces/sgp/2026-11-20/r1.json", CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => log.GetAsync("decisions/sgp/../fra/2026-11-20/120000000-r1-regional.json", CancellationToken.None));
        Should.Throw<ArgumentException>(() => new S3DecisionLog(nowhere, "platform-traces-fra-1", Sgp, null, _time, NullLogger.Instance, new DecisionLogMetrics(null)))
            .Message.ShouldContain("[<prefix>-]traces-sgp[-<suffix>]");
    }

    [Fact]
    public async Task ExpiredRecordsAreSwept_ThoseOfTheSameDayStillWithinRetentionAreKept()
    {
        var (log, bucket) = await LogAsync();
        var day = Noon.AddDays(-Sgp.Retention.DecisionLogDays);
        // Written back then; now, 400 days on, the first retention ended three hours ago, the second ends in five, the third a day ago.
        var then = new S3DecisionLog(ceph.Client(), bucket, Sgp, null, new FakeTime(day.AddDays(-2)), NullLogger.Instance, new DecisionLogMetrics(null));
        await then.AppendAsync(Record("expired", day.AddHours(-3)));
        await then.AppendAsync(Record("live", day.AddHours(5)));
        await then.AppendAsync(Record("older", day.AddDays(-1)));

        (await Read(log, day.AddDays(-2), Noon)).Select(r => r.RequestId).ShouldBe(["live"]);
        var deleted = await log.SweepAsync(_time.GetUtcNow() + S3ExpirySweeper.Ahead, CancellationToken.None);

        deleted.ShouldBe(2);
        (await KeysAsync(bucket)).ShouldBe(["decisions/sgp/2025-10-16/170000000-live-regional.json"]);
    }

    [Fact]
    public async Task BucketWithoutTheDecisionRule_RefusesToStart_AndWritesFailLoudlyAsIoErrors()
    {
        var bucket = await ceph.NewBucketAsync("sgp", [LifecycleRuleSpec.Traces("sgp", 30)]);
        using var host = Host(bucket);

        var e = await Should.ThrowAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        e.Message.ShouldContain("Refusing to store decision records of zone 'sgp'");
        e.Message.ShouldContain("no enabled rule expires 'decisions/sgp/' within the zone's 400-day decision-log retention");
        var log = host.Services.GetRequiredService<IDecisionLog>();
        (await Should.ThrowAsync<IOException>(() => log.AppendAsync(Record("r1", DateTimeOffset.UtcNow)))).Message.ShouldContain("was not stored");
        (await KeysAsync(bucket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task StoreS3_RegistersTheBucketLog_WithItsStartupCheckAndSweeper()
    {
        var bucket = await ceph.NewBucketAsync("sgp", [LifecycleRuleSpec.Traces("sgp", 30), LifecycleRuleSpec.Decisions("sgp", 400)]);
        using var host = Host(bucket);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var log = host.Services.GetRequiredService<IDecisionLog>();
        await log.AppendAsync(Record("r1", DateTimeOffset.UtcNow));

        log.ShouldBeOfType<S3DecisionLog>().Bucket.ShouldBe(bucket);
        (await KeysAsync(bucket)).ShouldHaveSingleItem().ShouldStartWith("decisions/sgp/");
        host.Services.GetServices<IHostedService>().Count().ShouldBe(2);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Open_WithTheAppsS3Settings_ReadsWhatTheAppsWrote_AsTheAuditCommandDoes()
    {
        var (log, bucket) = await LogAsync();
        await log.AppendAsync(Record("r1", Noon));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(ceph.Settings(bucket))
            .AddInMemoryCollection([new(DecisionLogRegistration.StoreKey, "s3")]).Build();

        var opened = DecisionLogRegistration.Open(settings, Sgp, _time);

        (await TestTraces.ToListAsync(opened.ReadAsync(Noon.AddHours(-1), Noon))).ShouldHaveSingleItem().RequestId.ShouldBe("r1");
    }

    [Fact]
    public void UnknownStore_Refused_NamingBoth()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(DecisionLogRegistration.StoreKey, "dynamo")]).Build();

        Should.Throw<InvalidOperationException>(() => DecisionLogRegistration.Open(configuration, Sgp, _time))
            .Message.ShouldStartWith("Platform:Decisions:Store 'dynamo' is not a decision log; use 'local' or 's3'");
    }

    private static DecisionRecord Record(string id, DateTimeOffset time, DecisionSource source = DecisionSource.Regional) =>
        new(id, time, source, "public", "sgp", "sgp", "sgp-h100-fast-a", "qwen3-8b", DataClass.Direct, ["email"], "en", 0, 2000, "ok", 200, $"traces/sgp/2026-11-20/{id}.json");

    private async Task<(S3DecisionLog Log, string Bucket)> LogAsync()
    {
        var bucket = await ceph.NewBucketAsync("sgp", [LifecycleRuleSpec.Traces("sgp", 30), LifecycleRuleSpec.Decisions("sgp", Sgp.Retention.DecisionLogDays)]);
        return (new S3DecisionLog(ceph.Client(), bucket, Sgp, null, _time, NullLogger.Instance, new DecisionLogMetrics(null)), bucket);
    }

    private IHost Host(string bucket)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(ceph.Settings(bucket)).AddInMemoryCollection([new(DecisionLogRegistration.StoreKey, "s3")]);
        builder.Services.AddDecisionLog(builder.Configuration, Sgp);
        return builder.Build();
    }

    private static async Task<List<DecisionRecord>> Read(S3DecisionLog log, DateTimeOffset from, DateTimeOffset to) => await TestTraces.ToListAsync(log.ReadAsync(from, to));

    private async Task<List<string>> KeysAsync(string bucket)
    {
        using var s3 = ceph.Client();
        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return (page.S3Objects ?? []).Select(o => o.Key).ToList();
    }
}
