using Platform.Traces;
using Platform.Traces.Decisions;
using Platform.Traces.S3;
using System.Text.RegularExpressions;
using Platform.Compliance;

namespace Platform.Infra.Plan;

/// <summary>The zone's AWS side: where it is, the trace bucket, and the regional function.</summary>
internal static partial class AwsPlanner
{
    public const int LambdaMemoryMb = 1024;

    /// <summary>Long enough for a slow reasoning answer to stream to the end; Lambda's maximum is 900.</summary>
    public const int LambdaTimeoutSeconds = 900;

    public static AwsTarget Target(Zone zone, ConfigReader read)
    {
        var where = $"{zone.Aws.Partition} {zone.Aws.Region} ({zone.Origin})";
        if (read.String(StackConfigKeys.AwsRegion, null) is { } region && region != zone.Aws.Region)
        {
            read.Error(StackConfigKeys.AwsRegion,
                $"Region '{region}' is outside zone {zone.Id}: its trace bucket, function and pools must be in {where}.",
                $"Set aws:region to {zone.Aws.Region}, or remove it.");
        }

        var account = read.String(StackConfigKeys.AwsAccountId, $"Set platform:awsAccountId to the 12-digit id of the zone's AWS account in partition {zone.Aws.Partition}.");
        if (account is not null && !AccountId().IsMatch(account))
        {
            read.Error(StackConfigKeys.AwsAccountId, $"'{account}' is not an AWS account id.", "Write the 12 digits of the account id, like 123456789012.");
        }

        return new AwsTarget(zone.Aws.Partition, zone.Aws.Region, account ?? "000000000000");
    }

    public static TraceBucketPlan TraceBucket(Zone zone, AwsTarget aws, IReadOnlyDictionary<string, string> tags, ConfigReader read)
    {
        var limit = Math.Min(zone.Retention.TraceDays, Retention.MaxTraceDays);
        var days = read.Int(StackConfigKeys.TraceRetentionDays) ?? limit;
        if (days > limit)
        {
            read.Error(StackConfigKeys.TraceRetentionDays,
                $"Trace retention of {days} days exceeds zone {zone.Id}'s limit of {limit} days ({zone.Origin}).",
                $"Set platform:traceRetentionDays to {limit} or less, or remove it to keep traces {limit} days.");
        }
        else if (days < LifecycleDays.MinRetentionDays)
        {
            read.Error(StackConfigKeys.TraceRetentionDays,
                $"Trace retention of {days} days is below {LifecycleDays.MinRetentionDays}: S3 deletes at the first midnight UTC after a rule's days, and a rule needs at least one.",
                $"Set platform:traceRetentionDays from {LifecycleDays.MinRetentionDays} to {limit}" + (limit < LifecycleDays.MinRetentionDays ? $", and zones.{zone.Id}.retention.trace_days ({zone.Origin}) to at least {LifecycleDays.MinRetentionDays}." : "."));
        }

        if (read.Bool(StackConfigKeys.BucketReplication, false))
        {
            read.Error(StackConfigKeys.BucketReplication,
                $"Replication is on: a replica could carry personal data out of zone {zone.Id}.",
                "Set platform:bucketReplication to false, or remove it: traces stay in the zone's one bucket.");
        }

        if (read.Bool(StackConfigKeys.PublicBucket, false))
        {
            read.Error(StackConfigKeys.PublicBucket,
                "A public trace bucket would expose reasoning traces that may hold personal data.",
                "Set platform:publicBucket to false, or remove it: the bucket blocks all public access.");
        }

        var alias = read.String(StackConfigKeys.KmsKeyAlias, null) ?? $"alias/platform-traces-{zone.Id}";
        if (!alias.StartsWith("alias/", StringComparison.Ordinal) || alias.StartsWith("alias/aws/", StringComparison.Ordinal))
        {
            read.Error(StackConfigKeys.KmsKeyAlias, $"'{alias}' is not an alias the stack may create.", $"Use a name starting with alias/ (not alias/aws/), like alias/platform-traces-{zone.Id}.");
        }

        if (zone.Retention.DecisionLogDays < LifecycleDays.MinRetentionDays)
        {
            read.Error(StackConfigKeys.Zone,
                $"Zone {zone.Id}'s decision-log retention of {zone.Retention.DecisionLogDays} days is below {LifecycleDays.MinRetentionDays}: no S3 lifecycle rule can hold it.",
                $"Set zones.{zone.Id}.retention.decision_log_days ({zone.Origin}) to at least {LifecycleDays.MinRetentionDays}.");
        }

        // Only used once the errors above are empty; bounded so a refused value cannot build a rule S3 would reject.
        var held = Math.Max(Math.Min(days, limit), LifecycleDays.MinRetentionDays);
        var name = TraceBucketNames.For("platform", zone.Id, aws.AccountId);
        var arn = $"{aws.AccountArnPrefix}s3:::{name}";
        return new TraceBucketPlan(
            name,
            aws.Region,
            arn,
            TraceKeys.Prefix(zone.Id),
            alias,
            $"Encrypts reasoning traces of zone {zone.Id}; never used outside it",
            ExpirationDays: held,
            LifecycleRuleSpec.Traces(zone.Id, held),
            LifecycleRuleSpec.Decisions(zone.Id, Math.Max(zone.Retention.DecisionLogDays, LifecycleDays.MinRetentionDays)),
            // The bucket is not versioned; should versioning ever be turned on, old versions still go within a day.
            NoncurrentVersionExpirationDays: 1,
            AbortIncompleteMultipartUploadDays: 1,
            Versioning: false,
            BlockPublicAccess: true,
            ObjectOwnership: "BucketOwnerEnforced",
            Replication: false,
            ObjectLock: false,
            IamPolicies.DenyInsecureTransport(arn),
            tags);
    }

    public static RegionalFunctionPlan RegionalFunction(Zone zone, AwsTarget aws, TraceBucketPlan bucket, IReadOnlyDictionary<string, string> tags, ConfigReader read)
    {
        var name = $"platform-regional-{zone.Id}";
        var layer = AdapterLayer(zone, aws, read);
        var package = read.String(StackConfigKeys.RegionalPackage, "Set platform:regionalPackage to the folder `dotnet publish regional-functions/Platform.Regional -c Release -o artifacts/regional` writes: artifacts/regional.");
        var environment = new SortedDictionary<string, string>(LambdaWebAdapter.Environment().ToDictionary(), StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{LambdaWebAdapter.AppPort}",
            ["Regional__Zone"] = zone.Id,
            ["Regional__Traces__Store"] = "s3",
            ["Regional__Traces__S3__Bucket"] = bucket.Name,
            ["Regional__Traces__S3__Region"] = aws.Region,
            // The decision log lives beside the traces, in the same bucket and with the same settings.
            [DecisionLogRegistration.StoreKey.Replace(":", "__", StringComparison.Ordinal)] = "s3",
        };
        var logGroup = $"/aws/lambda/{name}";
        return new RegionalFunctionPlan(
            name,
            aws.Region,
            $"{aws.AccountArnPrefix}lambda:{aws.Region}:{aws.AccountId}:function:{name}",
            Runtime: "dotnet10",
            LambdaWebAdapter.Handler,
            Architecture: "x86_64",
            LambdaMemoryMb,
            LambdaTimeoutSeconds,
            package ?? "",
            layer is null ? [] : [layer],
            environment,
            InvokeMode: "RESPONSE_STREAM",
            // The regional app verifies the edge's signed tags on every request; IAM auth would need SigV4 from Azure.
            FunctionUrlAuthType: "NONE",
            read.List(StackConfigKeys.RegionalSubnetIds, "Set platform:regionalSubnetIds to the private subnets (in the zone's VPC) from which the function reaches the GPU pools."),
            read.List(StackConfigKeys.RegionalSecurityGroupIds, "Set platform:regionalSecurityGroupIds to the security groups the function's network interfaces use."),
            name,
            $"{aws.AccountArnPrefix}iam::{aws.AccountId}:role/{name}",
            logGroup,
            $"{aws.AccountArnPrefix}logs:{aws.Region}:{aws.AccountId}:log-group:{logGroup}",
            LogRetentionDays: bucket.ExpirationDays,
            IamPolicies.AssumeRoleForLambda(),
            tags);
    }

    private static string? AdapterLayer(Zone zone, AwsTarget aws, ConfigReader read)
    {
        var published = LambdaWebAdapter.PublicLayerArn(aws.Partition, aws.Region);
        var configured = read.String(StackConfigKeys.LambdaAdapterLayerArn,
            published is null ? $"Set platform:lambdaAdapterLayerArn to the Lambda Web Adapter layer in {aws.Partition} {aws.Region}, like arn:{aws.Partition}:lambda:{aws.Region}:<account>:layer:{LambdaWebAdapter.LayerName}:<version>." : null);
        if (configured is null)
        {
            return published;
        }

        var example = $"arn:{aws.Partition}:lambda:{aws.Region}:<account>:layer:{LambdaWebAdapter.LayerName}:<version>";
        var arn = AwsArn.Parse(configured);
        if (arn is null || !LambdaWebAdapter.IsLayerArn(arn))
        {
            read.Error(StackConfigKeys.LambdaAdapterLayerArn, $"'{configured}' is not a Lambda layer version ARN.", $"Write it like {example}.");
        }
        else if (arn.Partition != aws.Partition)
        {
            read.Error(StackConfigKeys.LambdaAdapterLayerArn,
                $"Layer '{configured}' is in partition '{arn.Partition}', not zone {zone.Id}'s partition '{aws.Partition}'.",
                $"Use the adapter layer published in {aws.Partition} {aws.Region}, like {example}.");
        }
        else if (arn.Region != aws.Region)
        {
            read.Error(StackConfigKeys.LambdaAdapterLayerArn,
                $"Layer '{configured}' is in region '{arn.Region}'; a function can use layers of its own region {aws.Region} only.",
                $"Use the adapter layer published in {aws.Region}, like {example}.");
        }

        return configured;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();
}
