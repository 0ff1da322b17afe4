using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.Traces.S3;

/// <summary>Reads a bucket's lifecycle as <see cref="BucketLifecycleFacts"/>, and writes the rules the check accepts.</summary>
internal static class TraceLifecycle
{
    public static async Task<BucketLifecycleFacts> ReadAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        List<LifecycleRule> rules;
        try
        {
            var lifecycle = await s3.GetLifecycleConfigurationAsync(new GetLifecycleConfigurationRequest { BucketName = bucket }, cancellationToken);
            rules = lifecycle.Configuration?.Rules ?? [];
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchLifecycleConfiguration")
        {
            rules = [];
        }

        var versioning = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, cancellationToken);
        var status = versioning.VersioningConfig?.Status;
        var versioned = status == VersionStatus.Enabled || status == VersionStatus.Suspended;
        return new BucketLifecycleFacts(bucket, rules.Select(Fact).ToArray(), versioned);
    }

    /// <summary>
    /// Puts the rule that holds <paramref name="zone"/>'s traces to <paramref name="retentionDays"/> (and their old
    /// versions), replacing the bucket's lifecycle configuration. For tests, local set-ups and the deploy docs; production
    /// buckets get the same rule from the deployment plan.
    /// </summary>
    public static Task PutRuleAsync(IAmazonS3 s3, string bucket, string zone, int retentionDays, CancellationToken cancellationToken) =>
        PutRulesAsync(s3, bucket, [LifecycleRuleSpec.Traces(zone, retentionDays)], cancellationToken);

    /// <summary>Puts exactly these rules, replacing the bucket's lifecycle configuration.</summary>
    public static Task PutRulesAsync(IAmazonS3 s3, string bucket, IEnumerable<LifecycleRuleSpec> rules, CancellationToken cancellationToken) =>
        PutRawRulesAsync(s3, bucket, rules.Select(r => (r.Id, r.Prefix, r.ExpirationDays)), cancellationToken);

    /// <summary>Puts rules of any days, even ones the check refuses: for tests of the check.</summary>
    internal static Task PutRawRulesAsync(IAmazonS3 s3, string bucket, IEnumerable<(string Id, string Prefix, int Days)> rules, CancellationToken cancellationToken) =>
        s3.PutLifecycleConfigurationAsync(
            new PutLifecycleConfigurationRequest
            {
                BucketName = bucket,
                Configuration = new LifecycleConfiguration
                {
                    Rules = rules.Select(r => new LifecycleRule
                    {
                        Id = r.Id,
                        Status = LifecycleRuleStatus.Enabled,
                        Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = r.Prefix } },
                        Expiration = new LifecycleRuleExpiration { Days = r.Days },
                        NoncurrentVersionExpiration = new LifecycleRuleNoncurrentVersionExpiration { NoncurrentDays = r.Days },
                    }).ToList(),
                },
            },
            cancellationToken);

    /// <summary>Whether a failure says something about the bucket (refuse) rather than about reaching it (try later).</summary>
    public static bool IsAboutTheBucket(Exception e) =>
        e is AmazonS3Exception s3 && (int)s3.StatusCode is >= 400 and < 500 && s3.StatusCode != HttpStatusCode.RequestTimeout && s3.StatusCode != HttpStatusCode.TooManyRequests;

    private static LifecycleRuleFact Fact(LifecycleRule rule)
    {
        // The filter is either the legacy rule prefix, or one predicate, or an And of several.
        // Rules written by older tools still carry the legacy top-level prefix.
#pragma warning disable CS0618
        string? prefix = rule.Prefix;
#pragma warning restore CS0618
        var narrowed = false;
        switch (rule.Filter?.LifecycleFilterPredicate)
        {
            case LifecyclePrefixPredicate p:
                prefix = p.Prefix;
                break;
            case LifecycleAndOperator and:
                foreach (var operand in and.Operands ?? [])
                {
                    if (operand is LifecyclePrefixPredicate ap)
                    {
                        prefix = ap.Prefix;
                    }
                    else
                    {
                        narrowed = true;
                    }
                }

                break;
            case null:
                break;
            default:
                narrowed = true;
                break;
        }

        if (rule.Filter is { } f)
        {
            prefix = f.Prefix ?? f.And?.Prefix ?? prefix;
            narrowed |= f.Tag is not null || f.ObjectSizeGreaterThan is not null || f.ObjectSizeLessThan is not null
                || f.And?.Tags is { Count: > 0 } || f.And?.ObjectSizeGreaterThan is not null || f.And?.ObjectSizeLessThan is not null;
        }

        return new LifecycleRuleFact(
            rule.Id,
            rule.Status == LifecycleRuleStatus.Enabled,
            prefix,
            narrowed,
            rule.Expiration?.Days,
            rule.NoncurrentVersionExpiration?.NoncurrentDays);
    }
}
