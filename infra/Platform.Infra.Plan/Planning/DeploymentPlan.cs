namespace Platform.Infra.Plan;

/// <summary>
/// Everything one stack creates, decided before anything is created: names, regions, tags, sizes and settings.
/// The Pulumi program only turns these records into resources; it decides nothing.
/// </summary>
public sealed record DeploymentPlan(
    string Stack,
    string Zone,
    AwsTarget Aws,
    AzureTarget Azure,
    IReadOnlyDictionary<string, string> Tags,
    TraceBucketPlan TraceBucket,
    RegionalFunctionPlan RegionalFunction,
    EdgeFunctionAppPlan EdgeFunctionApp,
    KubernetesTarget Kubernetes,
    IReadOnlyList<PoolDeploymentPlan> PoolDeployments,
    IReadOnlyList<NetworkPolicyPlan> NetworkPolicies)
{
    /// <summary>The hourly schedule that sweeps the zone's expired traces and decision records even while the function is cold.</summary>
    public SweepSchedulePlan SweepSchedule => SweepSchedulePlan.For(Zone, Aws, RegionalFunction, Tags);

    /// <summary>Every ARN the plan names, so a test can hold them all to the zone's partition.</summary>
    public IEnumerable<string> Arns =>
        new[] { TraceBucket.Arn, TraceBucket.ObjectsArn, RegionalFunction.Arn, RegionalFunction.RoleArn, RegionalFunction.LogGroupArn, SweepSchedule.RuleArn }
            .Concat(RegionalFunction.LayerArns);
}

/// <summary>The AWS partition, region and account the zone's AWS resources live in (region and partition from zones.yaml).</summary>
public sealed record AwsTarget(string Partition, string Region, string AccountId)
{
    public string AccountArnPrefix => $"arn:{Partition}:";
}

/// <summary>The Azure cloud and region of the zone's edge (zones.yaml), and the provider environment that selects that cloud.</summary>
public sealed record AzureTarget(string Cloud, string Environment, string Location);

/// <summary>Where in the zone's cluster the pools run; the kubeconfig is a Pulumi secret the plan never holds.</summary>
public sealed record KubernetesTarget(string Namespace);
