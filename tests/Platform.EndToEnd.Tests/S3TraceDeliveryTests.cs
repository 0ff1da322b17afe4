using Amazon.S3.Model;
using OpenAI.Chat;
using Platform.Local;
using Platform.Traces;
using Platform.Traces.Tests.S3;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Traces in a real S3 server (Ceph's gateway) through the real regional function: when S3 goes down mid-traffic,
/// serving goes on, traces wait in the zone's spool, survive a restart of the function, and land exactly once.
/// </summary>
[Collection(CephCollection.Name)]
public sealed class S3TraceDeliveryTests(CephS3Server ceph)
{
    [Fact]
    public async Task GatewayStoppedWhileRequestsFlow_ThenRegionalRestarted_EveryTraceLandsExactlyOnce()
    {
        var bucket = await ceph.NewBucketAsync("sgp", lifecycleDays: 30);
        var work = Path.Combine(Path.GetTempPath(), "e2e-s3-" + Guid.NewGuid().ToString("N"));
        var options = new LocalPlatformOptions
        {
            EdgePort = 0,
            DataDirectory = Path.Combine(work, "data"),
            SimulatorSpeedFactor = 50,
            PlatformLogLevel = "Warning",
            ExtraArgs = app => app == "regional:sgp"
                ?
                [
                    "--Regional:Traces:Store=s3",
                    $"--Regional:Traces:S3:ServiceUrl={ceph.Endpoint}",
                    "--Regional:Traces:S3:Region=us-east-1",
                    $"--Regional:Traces:S3:Bucket={bucket}",
                    "--Regional:Traces:S3:AccessKey=DEVAK",
                    "--Regional:Traces:S3:SecretKey=DEVSK",
                    "--Regional:Traces:S3:ForcePathStyle=true",
                    $"--Regional:Traces:Spool:Directory={Path.Combine(work, "spool")}",
                ]
                : [],
        };
        var requestIds = new List<string>();
        try
        {
            await using (var platform = await LocalPlatform.StartAsync(options, TestContext.Current.CancellationToken))
            {
                await SendAsync(platform, requestIds, 5);
                await ceph.GatewayAsync(up: false);
                await SendAsync(platform, requestIds, 10); // S3 is down: serving must not notice
            }

            await ceph.GatewayAsync(up: true);
            await using (var restarted = await LocalPlatform.StartAsync(options, TestContext.Current.CancellationToken))
            {
                var keys = await WaitForKeysAsync(bucket, requestIds.Count);

                keys.Select(k => Path.GetFileNameWithoutExtension(k)).Order().ShouldBe(requestIds.Order(), "every request's trace, once");
                keys.ShouldAllBe(k => TraceKeys.BelongsTo(k, "sgp"));
            }
        }
        finally
        {
            await ceph.GatewayAsync(up: true);
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task SendAsync(LocalPlatform platform, List<string> requestIds, int count)
    {
        var fixture = new ResponseHeaders("SG");
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri(platform.EdgeUrl, "v1") };
        options.AddPolicy(fixture, System.ClientModel.Primitives.PipelinePosition.PerCall);
        var client = new ChatClient("fast", new System.ClientModel.ApiKeyCredential("sk-e2e"), options);
        for (var i = 0; i < count; i++)
        {
            await client.CompleteChatAsync([new UserChatMessage($"Give me tip number {requestIds.Count} for watering plants.")], cancellationToken: TestContext.Current.CancellationToken);
            fixture.ServedZone.ShouldBe("sgp");
            requestIds.Add(fixture.RequestId!);
        }
    }

    private async Task<IReadOnlyList<string>> WaitForKeysAsync(string bucket, int expected)
    {
        using var s3 = ceph.Client();
        string[] keys = [];
        for (var i = 0; i < 120 && keys.Length < expected; i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = TraceKeys.Prefix("sgp") }, TestContext.Current.CancellationToken);
            keys = (listed.S3Objects ?? []).Select(o => o.Key).ToArray();
        }

        // Give a duplicate delivery the chance to show before counting.
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        var final = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = TraceKeys.Prefix("sgp") }, TestContext.Current.CancellationToken);
        return (final.S3Objects ?? []).Select(o => o.Key).ToArray();
    }
}
