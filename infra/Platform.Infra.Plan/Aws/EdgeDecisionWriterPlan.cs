using Platform.Traces.Decisions;

namespace Platform.Infra.Plan;

/// <summary>
/// The AWS identity the zone's edge (on Azure) writes its own decision records with: an IAM user whose only rights
/// (<see cref="IamPolicies.EdgeDecisionWriter"/>) are to put objects under <c>decisions/{zone}/</c> of the zone's bucket,
/// read that bucket's lifecycle (the edge refuses to write into a bucket that would keep records too long) and encrypt
/// with the zone's key. It cannot read, list or delete anything. <see cref="AppSettings"/> point the edge's decision log
/// at the bucket; the Pulumi layer adds the access key (a secret) and the zone key under the setting names below.
/// </summary>
public sealed record EdgeDecisionWriterPlan(string UserName, string UserArn, IReadOnlyDictionary<string, string> AppSettings, IReadOnlyDictionary<string, string> Tags)
{
    public const string AccessKeySetting = "Regional__Traces__S3__AccessKey";
    public const string SecretKeySetting = "Regional__Traces__S3__SecretKey";
    public const string KmsKeySetting = RegionalFunctionPlan.TraceKeyVariable;

    /// <summary>Derived from the stack's plan: the edge writes into the very bucket the plan creates, under the zone's own prefix.</summary>
    public static EdgeDecisionWriterPlan For(DeploymentPlan plan)
    {
        var name = $"platform-edge-decisions-{plan.Zone}";
        return new EdgeDecisionWriterPlan(
            name,
            $"{plan.Aws.AccountArnPrefix}iam::{plan.Aws.AccountId}:user/{name}",
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [DecisionLogRegistration.StoreKey.Replace(":", "__", StringComparison.Ordinal)] = "s3",
                ["Regional__Traces__S3__Bucket"] = plan.TraceBucket.Name,
                ["Regional__Traces__S3__Region"] = plan.Aws.Region,
            },
            plan.Tags);
    }
}
