using FsCheck;
using FsCheck.Fluent;

namespace Platform.Infra.Plan.Tests.Planning;

public sealed class PartitionPropertyTests
{
    /// <summary>For any zone, account and stack name, every ARN in the plan is in the zone's partition, region or global.</summary>
    [Fact]
    public void AnyStack_EveryArnIsInTheZonesPartition()
    {
        var model = ComplianceModel.Embedded;
        var zones = Gen.Elements(model.Zones.Select(z => z.Id).ToArray());
        var accounts = Gen.Choose(0, 999_999).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "424242");
        var stacks = Gen.Elements("prod", "staging", "dr");

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(zones.ToArbitrary(), accounts.ToArbitrary(), stacks.ToArbitrary(), (zoneId, account, stack) =>
        {
            var zone = model.Zone(zoneId);
            var config = StackConfig.Parse(stack, $"Pulumi.{stack}.yaml", StackYaml(zoneId, account, zone.Aws.Partition == "aws" ? null : $"arn:{zone.Aws.Partition}:lambda:{zone.Aws.Region}:{account}:layer:LambdaAdapterLayerX86:1"));
            var plan = DeploymentPlanner.Build(model, config).PlanOrThrow();

            plan.Arns.ShouldAllBe(arn => AwsArn.Parse(arn)!.Partition == zone.Aws.Partition);
            plan.Arns.Select(AwsArn.Parse).Where(a => a!.Region.Length > 0).ShouldAllBe(a => a!.Region == zone.Aws.Region);
            plan.PoolDeployments.ShouldAllBe(p => zone.Accelerators.Contains(p.Accelerator));
        }));
    }

    private static string StackYaml(string zone, string account, string? layer) =>
        $"""
        config:
          platform:zone: {zone}
          platform:awsAccountId: "{account}"
          platform:kubeconfig:
            secure: AAAB
          platform:signingKey:
            secure: AAAC
          platform:regionalPackage: artifacts/regional
          platform:edgePackage: artifacts/edge
          platform:regionalSubnetIds: [subnet-1]
          platform:regionalSecurityGroupIds: [sg-1]
          platform:regionalIngressCidrs: [10.0.0.0/16]
        {(layer is null ? "" : $"  platform:lambdaAdapterLayerArn: {layer}")}
        """;
}
