using Microsoft.Extensions.Configuration;

namespace Platform.Traces.S3;

/// <summary>Where a zone's traces go in S3 (<c>Regional:Traces:S3:*</c>).</summary>
internal sealed record S3TraceStoreOptions
{
    public const string Section = "Regional:Traces:S3";

    /// <summary>A custom endpoint (S3-compatible store, or a VPC endpoint); empty means the region's AWS endpoint.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>AWS region (e.g. <c>cn-northwest-1</c> resolves to <c>amazonaws.com.cn</c>); with a custom endpoint, the signing region.</summary>
    public string? Region { get; init; }

    public string Bucket { get; init; } = "";

    /// <summary>Static credentials; both empty means the default AWS credential chain (instance or pod role).</summary>
    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public bool ForcePathStyle { get; init; }

    /// <summary>The zone's KMS key: when set, every trace is written with SSE-KMS under it.</summary>
    public string? KmsKeyId { get; init; }

    public static S3TraceStoreOptions From(IConfiguration configuration)
    {
        var s = configuration.GetSection(Section);
        return new S3TraceStoreOptions
        {
            ServiceUrl = Blank(s["ServiceUrl"]),
            Region = Blank(s["Region"]),
            Bucket = s["Bucket"] ?? "",
            AccessKey = Blank(s["AccessKey"]),
            SecretKey = Blank(s["SecretKey"]),
            ForcePathStyle = s.GetValue("ForcePathStyle", false),
            KmsKeyId = Blank(s["KmsKeyId"]),
        };
    }

    /// <summary>Every problem at once, each with its key and fix; empty when the options can be used for <paramref name="zone"/>.</summary>
    public IReadOnlyList<string> Problems(string zone)
    {
        var problems = new List<string>();
        if (Bucket.Length == 0)
        {
            problems.Add($"{Section}:Bucket is missing: set it to the zone's trace bucket, named {TraceBucketNames.Rule(zone)}.");
        }
        else if (!TraceBucketNames.BelongsTo(Bucket, zone))
        {
            problems.Add($"{Section}:Bucket '{Bucket}' is not a trace bucket of zone '{zone}': its name must follow {TraceBucketNames.Rule(zone)}.");
        }

        if (ServiceUrl is null && Region is null)
        {
            problems.Add($"{Section}:Region is missing: set the zone's AWS region, or {Section}:ServiceUrl for an S3-compatible store.");
        }

        if (ServiceUrl is not null && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
        {
            problems.Add($"{Section}:ServiceUrl '{ServiceUrl}' is not an absolute URL (e.g. https://s3.example.internal).");
        }

        if ((AccessKey is null) != (SecretKey is null))
        {
            problems.Add($"{Section}:AccessKey and {Section}:SecretKey go together: set both, or neither to use the default AWS credential chain.");
        }

        return problems;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
