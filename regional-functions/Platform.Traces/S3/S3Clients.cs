using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Platform.Traces.S3;

internal static class S3Clients
{
    public static IAmazonS3 Create(S3TraceStoreOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // Stores without trailing-checksum support (older Ceph, many appliances) reject chunked checksummed uploads.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            // A slow store must not hold a delivery for minutes: the spool retries, so fail fast and come back.
            Timeout = TimeSpan.FromSeconds(15),
            MaxErrorRetry = 2,
        };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
        }
        else
        {
            // The SDK resolves the partition's endpoint from the region: cn-* regions go to amazonaws.com.cn.
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return options.AccessKey is not null && options.SecretKey is not null
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
    }
}
