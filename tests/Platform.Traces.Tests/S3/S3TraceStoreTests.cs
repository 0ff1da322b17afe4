using Amazon.S3;
using Amazon.S3.Model;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

[Collection(CephCollection.Name)]
public sealed class S3TraceStoreTests(CephS3Server ceph)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTime _time = new(Start);

    [Fact]
    public async Task Put_ThenGetAndList_ReturnsTheSameTrace()
    {
        var (store, _) = await StoreAsync("sgp");
        var trace = TestTraces.Make("sgp", "req-1", Start.AddMinutes(5), answer: "Hello");

        var stored = await store.PutAsync(trace, Start.AddDays(30), CancellationToken.None);

        var got = await store.GetAsync(stored.Key, CancellationToken.None);
        got.ShouldNotBeNull();
        got.Key.ShouldBe("traces/sgp/2026-11-22/req-1.json");
        got.ExpiresAt.ShouldBe(Start.AddDays(30));
        got.Trace.Answer.ShouldBe("Hello");
        got.Trace.ReasoningContent.ShouldBe("step one, step two");
        got.Trace.Usage.ShouldBe(trace.Usage);
        got.Trace.Attempts.ShouldBe(trace.Attempts);
        var listed = await TestTraces.ToListAsync(store.ListAsync(Start, Start.AddHours(1), CancellationToken.None));
        listed.Select(t => t.Trace.RequestId).ShouldBe(["req-1"]);
    }

    [Fact]
    public async Task Put_KeysByZoneAndDay_TagsExpiryRetentionClassAndZone()
    {
        var (store, bucket) = await StoreAsync("fra");
        var trace = TestTraces.Make("fra", "req-tags", new DateTimeOffset(2026, 11, 21, 23, 59, 0, TimeSpan.Zero));

        var stored = await store.PutAsync(trace, trace.StartedAt.AddDays(30), CancellationToken.None);

        stored.Key.ShouldBe("traces/fra/2026-11-21/req-tags.json");
        using var s3 = ceph.Client();
        var tags = await s3.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = stored.Key });
        tags.Tagging.ToDictionary(t => t.Key, t => t.Value).ShouldBe(new Dictionary<string, string>
        {
            ["expires-at"] = "2026-12-21T23:59:00Z",
            ["retention-class"] = "trace-30d",
            ["zone"] = "fra",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task Put_ExpiryBeyondRetention_IsCutToTheZoneRetention()
    {
        var (store, _) = await StoreAsync("sgp");
        var trace = TestTraces.Make("sgp", "req-long", Start);

        var stored = await store.PutAsync(trace, Start.AddDays(45), CancellationToken.None);

        stored.ExpiresAt.ShouldBe(Start.AddDays(30));
        (await store.GetAsync(stored.Key, CancellationToken.None))!.ExpiresAt.ShouldBe(Start.AddDays(30));
    }

    [Fact]
    public async Task Put_SameRequestTwice_OneObject()
    {
        var (store, bucket) = await StoreAsync("sgp");

        await store.PutAsync(TestTraces.Make("sgp", "req-twice", Start, answer: "first"), Start.AddDays(30), CancellationToken.None);
        var second = await store.PutAsync(TestTraces.Make("sgp", "req-twice", Start, answer: "second"), Start.AddDays(30), CancellationToken.None);

        (await KeysAsync(bucket)).ShouldBe([second.Key]);
        (await store.GetAsync(second.Key, CancellationToken.None))!.Trace.Answer.ShouldBe("second");
    }

    [Fact]
    public async Task Get_AfterExpiry_ReturnsNothingEvenBeforeTheLifecycleRuleRuns()
    {
        var (store, _) = await StoreAsync("sgp");
        var stored = await store.PutAsync(TestTraces.Make("sgp", "req-old", Start), Start.AddDays(30), CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(30));

        (await store.GetAsync(stored.Key, CancellationToken.None)).ShouldBeNull();
        (await TestTraces.ToListAsync(store.ListAsync(Start, Start.AddDays(1), CancellationToken.None))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_DeletesAnExpiredTrace_OfADayWhoseOtherTracesAreStillLive()
    {
        // Started days ago by the real clock, as the gateway stamps the writes with it: a day's traces, written now.
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-3), TimeSpan.Zero).AddHours(1);
        var time = new FakeTime(start);
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 30);
        using var s3 = ceph.Client();
        var store = new S3TraceStore(s3, bucket, TestTraces.Zone("sgp"), null, new TraceBucketGuard(s3, bucket, TestTraces.Zone("sgp"), time), time);
        var early = await store.PutAsync(TestTraces.Make("sgp", "early", start), start.AddDays(30), CancellationToken.None);
        var late = await store.PutAsync(TestTraces.Make("sgp", "late", start.AddHours(8)), start.AddDays(31), CancellationToken.None);

        // An hour before the early one's expiry: the sweep reaches two hours ahead, so it goes now rather than an hour late.
        time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromHours(1));
        var deleted = await store.SweepAsync(time.GetUtcNow() + S3ExpirySweeper.Ahead, CancellationToken.None);

        deleted.ShouldBe(1);
        (await KeysAsync(bucket)).ShouldBe([late.Key]);
        (await store.GetAsync(late.Key, CancellationToken.None)).ShouldNotBeNull().ExpiresAt.ShouldBe(start.AddHours(8).AddDays(30));
        (await store.GetAsync(early.Key, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Put_OfAnAlreadyExpiredTrace_WritesNothing()
    {
        var (store, bucket) = await StoreAsync("sgp");
        _time.Advance(TimeSpan.FromDays(31));

        await store.PutAsync(TestTraces.Make("sgp", "req-late", Start), Start.AddDays(30), CancellationToken.None);

        (await KeysAsync(bucket)).ShouldBeEmpty();
    }

    [Fact]
    public async Task OtherZonesKeyOrTrace_RefusedBeforeAnyRequestIsSent()
    {
        // Pointed at a closed port: had the store sent anything, the failure would be a network error, not a refusal.
        using var nowhere = new AmazonS3Client("DEVAK", "DEVSK", new AmazonS3Config { ServiceURL = "http://127.0.0.1:9/", ForcePathStyle = true, MaxErrorRetry = 0 });
        var store = new S3TraceStore(nowhere, "t-traces-sgp-1", TestTraces.Zone("sgp"), null, Guard(nowhere, "t-traces-sgp-1", "sgp"), _time);

        (await Should.ThrowAsync<ArgumentException>(() => store.GetAsync("traces/fra/2026-11-22/req-1.json", CancellationToken.None)))
            .Message.ShouldContain("zone 'sgp' only");
        await Should.ThrowAsync<ArgumentException>(() => store.GetAsync("traces/sgp/../fra/2026-11-22/req-1.json", CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(TestTraces.Make("fra", "req-1", Start), Start.AddDays(1), CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => TestTraces.ToListAsync(store.KeysUnder("traces/fra/", CancellationToken.None)));
    }

    [Theory]
    [InlineData("platform-traces-fra-123456789012")]
    [InlineData("platform-traces")]
    [InlineData("platform-traces-sgpx-1")]
    [InlineData("platform-logs-sgp")]
    public void BucketOfAnotherZone_Refused(string bucket)
    {
        using var s3 = ceph.Client();
        Should.Throw<ArgumentException>(() => new S3TraceStore(s3, bucket, TestTraces.Zone("sgp"), null, Guard(s3, bucket, "sgp"), _time))
            .Message.ShouldContain("[<prefix>-]traces-sgp[-<suffix>]");
        ceph.Options(bucket).Problems("sgp").ShouldHaveSingleItem().ShouldContain("is not a trace bucket of zone 'sgp'");
    }

    [Fact]
    public void BucketOfTheZone_Accepted()
    {
        ceph.Options("platform-traces-sgp-123456789012").Problems("sgp").ShouldBeEmpty();
        ceph.Options("traces-cn").Problems("cn").ShouldBeEmpty();
    }

    private async Task<(S3TraceStore Store, string Bucket)> StoreAsync(string zone)
    {
        var bucket = await ceph.NewBucketAsync(zone, lifecycleDays: 30);
        var s3 = ceph.Client();
        return (new S3TraceStore(s3, bucket, TestTraces.Zone(zone), null, Guard(s3, bucket, zone), _time), bucket);
    }

    private TraceBucketGuard Guard(IAmazonS3 s3, string bucket, string zone) => new(s3, bucket, TestTraces.Zone(zone), _time);

    private async Task<List<string>> KeysAsync(string bucket)
    {
        using var s3 = ceph.Client();
        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return (page.S3Objects ?? []).Select(o => o.Key).ToList();
    }
}
