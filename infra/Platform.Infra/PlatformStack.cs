using Platform.Infra.Plan;
using Pulumi;
using AwsProvider = Pulumi.Aws.Provider;
using AwsProviderArgs = Pulumi.Aws.ProviderArgs;
using AzureProvider = Pulumi.AzureNative.Provider;
using AzureProviderArgs = Pulumi.AzureNative.ProviderArgs;
using K8sProvider = Pulumi.Kubernetes.Provider;
using K8sProviderArgs = Pulumi.Kubernetes.ProviderArgs;

namespace Platform.Infra;

/// <summary>
/// One jurisdiction: its trace bucket, regional function, GPU pools and edge, exactly as the plan describes them.
/// Explicit providers pin each cloud to the zone's region and account, whatever the environment says.
/// </summary>
public sealed class PlatformStack : Stack
{
    public PlatformStack()
    {
        var plan = StackPlan.Load();
        var secrets = new Config(StackConfigKeys.PlatformNamespace);
        var signingKey = secrets.RequireSecret(StackConfigKeys.SigningKeyName);

        var aws = new AwsProvider("aws", new AwsProviderArgs
        {
            Region = plan.Aws.Region,
            AllowedAccountIds = { plan.Aws.AccountId },
        });
        var kubernetes = new K8sProvider("gpu-cluster", new K8sProviderArgs
        {
            KubeConfig = secrets.RequireSecret(StackConfigKeys.KubeconfigName),
        });
        // The cloud is the provider's; the region is set on every Azure resource from the plan.
        var azure = new AzureProvider("azure", new AzureProviderArgs { Environment = plan.Azure.Environment });

        var bucket = new TraceBucket("traces", new TraceBucketArgs { Plan = plan.TraceBucket }, new ComponentResourceOptions { Providers = { aws } });
        var pools = new GpuPools("gpu-pools", new GpuPoolsArgs { Plan = plan }, new ComponentResourceOptions { Providers = { kubernetes } });

        var regionalZip = StackPlan.FromRoot($"artifacts/packages/regional-{plan.Zone}.zip");
        RegionalFunctionPackage.Write(StackPlan.FromRoot(plan.RegionalFunction.PackagePath), regionalZip);
        var regional = new RegionalFunction("regional", new RegionalFunctionArgs
        {
            Plan = plan,
            PackageZip = regionalZip,
            TraceKeyArn = bucket.KeyArn,
            SigningKey = signingKey,
            PoolEndpoints = pools.Endpoints,
        }, new ComponentResourceOptions { Providers = { aws } });

        // Hourly, so expired traces and decision records go on time even while no request keeps the function warm.
        _ = new SweepSchedule("sweep-schedule", new SweepScheduleArgs { Plan = plan.SweepSchedule, FunctionArn = regional.FunctionArn },
            new ComponentResourceOptions { Providers = { aws } });

        // The edge writes its own decision records into the zone's bucket, as a user that may do nothing else.
        var edgeDecisions = new EdgeDecisionWriter("edge-decisions", new EdgeDecisionWriterArgs { Plan = plan, TraceKeyArn = bucket.KeyArn },
            new ComponentResourceOptions { Providers = { aws } });

        var edgeZip = StackPlan.FromRoot($"artifacts/packages/edge-{plan.Zone}.zip");
        EdgeFunctionPackage.Write(StackPlan.FromRoot(plan.EdgeFunctionApp.PackagePath), edgeZip);
        var edge = new EdgeFunctionApp("edge", new EdgeFunctionAppArgs
        {
            Plan = plan.EdgeFunctionApp,
            PackageZip = edgeZip,
            RegionalUrl = regional.Url,
            SigningKey = signingKey,
            DecisionLogSettings = edgeDecisions.AppSettings,
        }, new ComponentResourceOptions { Providers = { azure } });

        Zone = Output.Create(plan.Zone);
        TraceBucketName = bucket.BucketName;
        RegionalUrl = regional.Url;
        RegionalSigningKey = Output.CreateSecret(signingKey);
        EdgeUrl = edge.Url;
    }

    [Output("zone")]
    public Output<string> Zone { get; private set; }

    [Output("traceBucket")]
    public Output<string> TraceBucketName { get; private set; }

    /// <summary>Read by the stacks of zones that may fail over to this one (<see cref="FailoverPeerPlan"/>).</summary>
    [Output(FailoverPeerPlan.UrlOutput)]
    public Output<string> RegionalUrl { get; private set; }

    /// <summary>
    /// The key this zone's regional function verifies tags with, for the edges of zones that may fail over to this
    /// one; a secret, so a stack reference reads it as a secret and the state keeps it encrypted.
    /// </summary>
    [Output(FailoverPeerPlan.SigningKeyOutput)]
    public Output<string> RegionalSigningKey { get; private set; }

    [Output("edgeUrl")]
    public Output<string> EdgeUrl { get; private set; }
}
