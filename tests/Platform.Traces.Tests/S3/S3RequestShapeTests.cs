using Amazon.S3;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

/// <summary>What the store asks of S3, checked without a server: the parts the test gateway cannot show (SSE-KMS, client settings).</summary>
public sealed class S3RequestShapeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ZoneKeyConfigured_EveryTraceWrittenUnderSseKmsWithIt()
    {
        var stored = new StoredTrace("traces/cn/2026-11-22/req-1.json", Start.AddDays(30), TestTraces.Make("cn", "req-1", Start));

        var request = S3TraceStore.PutRequest("platform-traces-cn-1", stored, TestTraces.Zone("cn"), "arn:aws-cn:kms:cn-northwest-1:1:key/k");

        request.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AWSKMS);
        request.ServerSideEncryptionKeyManagementServiceKeyId.ShouldBe("arn:aws-cn:kms:cn-northwest-1:1:key/k");
        request.Key.ShouldBe(stored.Key);
        request.Metadata["expires-at"].ShouldBe("2026-12-22T10:00:00Z");
        request.TagSet!.Select(t => $"{t.Key}={t.Value}").ShouldBe(["expires-at=2026-12-22T10:00:00Z", "retention-class=trace-30d", "zone=cn"]);
    }

    [Fact]
    public void NoZoneKey_NoKmsHeader()
    {
        var stored = new StoredTrace("traces/sgp/2026-11-22/req-1.json", Start.AddDays(30), TestTraces.Make("sgp", "req-1", Start));

        var request = S3TraceStore.PutRequest("platform-traces-sgp-1", stored, TestTraces.Zone("sgp"), null);

        request.ServerSideEncryptionKeyManagementServiceKeyId.ShouldBeNull();
        request.ServerSideEncryptionMethod.ShouldNotBe(ServerSideEncryptionMethod.AWSKMS);
    }

    [Fact]
    public void Client_ChecksumsOnlyWhenRequired_PathStyleAndEndpointFromOptions()
    {
        using var s3 = S3Clients.Create(new S3TraceStoreOptions { ServiceUrl = "http://127.0.0.1:7480", Region = "us-east-1", Bucket = "b-traces-sgp", ForcePathStyle = true });

        var config = (AmazonS3Config)s3.Config;
        config.RequestChecksumCalculation.ShouldBe(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED);
        config.ResponseChecksumValidation.ShouldBe(Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED);
        config.ForcePathStyle.ShouldBe(true);
        config.ServiceURL.ShouldStartWith("http://127.0.0.1:7480");
        config.AuthenticationRegion.ShouldBe("us-east-1");
    }

    [Fact]
    public void Client_ChinaRegion_UsesTheChinaPartition()
    {
        using var s3 = S3Clients.Create(new S3TraceStoreOptions { Region = "cn-northwest-1", Bucket = "platform-traces-cn-1" });

        var region = ((AmazonS3Config)s3.Config).RegionEndpoint!;
        region.SystemName.ShouldBe("cn-northwest-1");
        region.PartitionDnsSuffix.ShouldBe("amazonaws.com.cn");
    }
}
