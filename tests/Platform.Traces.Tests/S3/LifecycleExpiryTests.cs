using Amazon.S3.Model;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

/// <summary>The rule the check accepts really deletes traces: on the test gateway a lifecycle "day" lasts 10 s.</summary>
[Collection(CephCollection.Name)]
public sealed class LifecycleExpiryTests(CephS3Server ceph)
{
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TraceUnderTheRuleForTwoDays_IsGoneFromTheBucketWithinTwoDays()
    {
        // The rule for a two-day retention is a one-day rule: S3 rounds it up to the next midnight.
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 2);
        using var s3 = ceph.Client();
        var now = DateTimeOffset.UtcNow;
        var zone = TestTraces.Zone("sgp", traceDays: 2);
        var store = new S3TraceStore(s3, bucket, zone, null, new TraceBucketGuard(s3, bucket, zone, TimeProvider.System), TimeProvider.System);
        var stored = await store.PutAsync(TestTraces.Make("sgp", "req-expiring", now), now.AddDays(1), TestContext.Current.CancellationToken);
        (await KeysAsync(s3, bucket)).ShouldBe([stored.Key]);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await KeysAsync(s3, bucket)).Count > 0 && waited.Elapsed < AtMost)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            await ceph.ProcessLifecycleAsync();
        }

        (await KeysAsync(s3, bucket)).ShouldBeEmpty($"the rule had not deleted {stored.Key} after {waited.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<List<string>> KeysAsync(Amazon.S3.IAmazonS3 s3, string bucket)
    {
        var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, TestContext.Current.CancellationToken);
        return (page.S3Objects ?? []).Select(o => o.Key).ToList();
    }
}
