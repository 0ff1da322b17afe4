using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Aws.Kms;
using Pulumi.Aws.S3;
using Pulumi.Aws.S3.Inputs;
// Pulumi has its own Alias (for renamed resources): name the KMS one explicitly.
using KmsAlias = Pulumi.Aws.Kms.Alias;
using KmsAliasArgs = Pulumi.Aws.Kms.AliasArgs;

namespace Platform.Infra;

public sealed class TraceBucketArgs
{
    public required TraceBucketPlan Plan { get; init; }
}

/// <summary>
/// The zone's trace bucket with its own KMS key: private, owner-enforced, TLS-only, emptied by lifecycle rules
/// within the retention (one per prefix, as the plan declares them). No replication and no Object Lock are ever attached.
/// </summary>
public sealed class TraceBucket : ComponentResource
{
    public TraceBucket(string name, TraceBucketArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:TraceBucket", name, options)
    {
        var plan = args.Plan;
        var child = new CustomResourceOptions { Parent = this };

        var key = new Key($"{name}-key", new KeyArgs
        {
            Description = plan.KmsKeyDescription,
            EnableKeyRotation = true,
            DeletionWindowInDays = 7,
            Tags = plan.Tags.ToInputMap(),
        }, child);
        _ = new KmsAlias($"{name}-key-alias", new KmsAliasArgs { Name = plan.KmsKeyAlias, TargetKeyId = key.KeyId }, child);

        var bucket = new Bucket(name, new BucketArgs
        {
            BucketName = plan.Name,
            ObjectLockEnabled = plan.ObjectLock,
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var ownership = new BucketOwnershipControls($"{name}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new BucketOwnershipControlsRuleArgs { ObjectOwnership = plan.ObjectOwnership },
        }, child);

        var publicAccess = new BucketPublicAccessBlock($"{name}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = plan.BlockPublicAccess,
            BlockPublicPolicy = plan.BlockPublicAccess,
            IgnorePublicAcls = plan.BlockPublicAccess,
            RestrictPublicBuckets = plan.BlockPublicAccess,
        }, child);

        _ = new BucketServerSideEncryptionConfiguration($"{name}-encryption", new BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = "aws:kms",
                        KmsMasterKeyId = key.Arn,
                    },
                    BucketKeyEnabled = true,
                },
            },
        }, child);

        _ = new BucketLifecycleConfiguration($"{name}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                // Exactly the rule the regional function checks for at start-up (Days one under the retention: S3 rounds up to midnight).
                new BucketLifecycleConfigurationRuleArgs
                {
                    Id = plan.TraceRule.Id,
                    Status = "Enabled",
                    Filter = new BucketLifecycleConfigurationRuleFilterArgs { Prefix = plan.TraceRule.Prefix },
                    Expiration = new BucketLifecycleConfigurationRuleExpirationArgs { Days = plan.TraceRule.ExpirationDays },
                },
                // The decision log's own rule: its records may be kept longer than traces (decision_log_days).
                new BucketLifecycleConfigurationRuleArgs
                {
                    Id = plan.DecisionRule.Id,
                    Status = "Enabled",
                    Filter = new BucketLifecycleConfigurationRuleFilterArgs { Prefix = plan.DecisionRule.Prefix },
                    Expiration = new BucketLifecycleConfigurationRuleExpirationArgs { Days = plan.DecisionRule.ExpirationDays },
                },
                new BucketLifecycleConfigurationRuleArgs
                {
                    Id = "bucket-hygiene",
                    Status = "Enabled",
                    Filter = new BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                    NoncurrentVersionExpiration = new BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs { NoncurrentDays = plan.NoncurrentVersionExpirationDays },
                    AbortIncompleteMultipartUpload = new BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs { DaysAfterInitiation = plan.AbortIncompleteMultipartUploadDays },
                },
            },
        }, child);

        // After the public access block, so the deny-only policy is never briefly the bucket's sole guard.
        _ = new BucketPolicy($"{name}-tls-only", new BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = plan.PolicyJson,
        }, new CustomResourceOptions { Parent = this, DependsOn = { publicAccess, ownership } });

        BucketName = bucket.Id;
        KeyArn = key.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName, ["keyArn"] = KeyArn });
    }

    public Output<string> BucketName { get; }

    public Output<string> KeyArn { get; }
}
