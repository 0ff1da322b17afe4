using Platform.Compliance;
using Platform.Infra.Plan;

namespace Platform.Audit.Tests.Stacks;

public sealed class StackAuditTests
{
    [Fact]
    public void TraceRetentionOf45InAStack_IsARetentionViolation_AtItsLine()
    {
        using var copy = new RepoCopy().Append("Pulumi.sgp.yaml", "  platform:traceRetentionDays: 45\n");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.TraceRetention);
        finding.Location.ShouldBe($"{Path.Combine(copy.Root, "Pulumi.sgp.yaml")}:{copy.LineOf("Pulumi.sgp.yaml", "traceRetentionDays: 45")}");
        finding.Key.ShouldBe("platform:traceRetentionDays");
        finding.Message.ShouldContain("45 days exceeds zone sgp's limit of 30 days");
    }

    [Fact]
    public void CnEdgeGivenAFailoverPeer_IsAnIsolatedZoneViolation()
    {
        // The loader already refuses a failover rule out of cn; this is the check on what a changed planner would build.
        var model = ComplianceModel.Embedded;
        var config = StackConfig.Load(Path.Combine(RepoCopy.RepositoryRoot, "Pulumi.cn.yaml"));
        var plan = DeploymentPlanner.Build(model, config).PlanOrThrow();
        plan.EdgeFunctionApp.FailoverPeers.ShouldBeEmpty();
        var leaky = plan with
        {
            EdgeFunctionApp = plan.EdgeFunctionApp with { FailoverPeers = [new FailoverPeerPlan("sgp", null, "sgp", "Edge__Zones__sgp__Url", "Edge__Zones__sgp__SigningKey")] },
        };

        var finding = PlanChecks.Check(model, config, leaky).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.IsolatedZone);
        finding.Message.ShouldContain("Edge__Zones__sgp__Url");
    }

    [Fact]
    public void PublicBucketFlag_IsAPrivateBucketViolation_AtItsLine()
    {
        using var copy = new RepoCopy().Append("Pulumi.fra.yaml", "  platform:publicBucket: true\n");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.PrivateBucket);
        finding.File.ShouldEndWith("Pulumi.fra.yaml");
        finding.Line.ShouldBe(copy.LineOf("Pulumi.fra.yaml", "publicBucket: true"));
    }

    [Fact]
    public void ReplicatedBucketFlag_IsAPrivateBucketViolation()
    {
        using var copy = new RepoCopy().Append("Pulumi.cn.yaml", "  platform:bucketReplication: true\n");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.PrivateBucket);
        finding.Line.ShouldBe(copy.LineOf("Pulumi.cn.yaml", "bucketReplication: true"));
    }

    [Fact]
    public void PoolOverrideOfAnotherZonesPool_IsAJurisdictionViolation_AtItsLine()
    {
        using var copy = new RepoCopy().Append("Pulumi.sgp.yaml", "  platform:pools:\n    fra-h100-fast-a: { replicas: 2 }\n");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.PoolJurisdiction);
        finding.File.ShouldEndWith("Pulumi.sgp.yaml");
        finding.Line.ShouldBe(copy.LineOf("Pulumi.sgp.yaml", "fra-h100-fast-a"));
        finding.Message.ShouldBe("'fra-h100-fast-a' is not a pool of zone sgp in policies/pools.yaml.");
    }

    [Fact]
    public void H100OverrideInCn_IsAJurisdictionViolation()
    {
        using var copy = new RepoCopy().Append("Pulumi.cn.yaml", "  platform:pools:\n    cn-910b-fast-a: { accelerator: h100 }\n");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.PoolJurisdiction);
        finding.Line.ShouldBe(copy.LineOf("Pulumi.cn.yaml", "cn-910b-fast-a"));
    }

    [Fact]
    public void StackInAnotherZonesRegion_IsAPlacementViolation()
    {
        using var copy = new RepoCopy().Replace("Pulumi.cn.yaml", "aws:region: cn-northwest-1", "aws:region: ap-southeast-1");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.ZonePlacement);
        finding.Line.ShouldBe(copy.LineOf("Pulumi.cn.yaml", "aws:region: ap-southeast-1"));
    }

    [Fact]
    public void SecondStackForAZone_IsACoverageViolation_AtItsZoneLine()
    {
        using var copy = new RepoCopy();
        File.Copy(Path.Combine(copy.Root, "Pulumi.sgp.yaml"), Path.Combine(copy.Root, "Pulumi.sgp2.yaml"));

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.StackCoverage);
        finding.File.ShouldEndWith("Pulumi.sgp2.yaml");
        finding.Line.ShouldBe(copy.LineOf("Pulumi.sgp2.yaml", "platform:zone: sgp"));
    }

    [Fact]
    public void ZoneWithoutStack_IsACoverageViolation_AtTheZone()
    {
        using var copy = new RepoCopy();
        File.Delete(Path.Combine(copy.Root, "Pulumi.cn.yaml"));

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.StackCoverage);
        finding.File.ShouldEndWith("zones.yaml");
        finding.Line.ShouldBe(copy.LineOf("policies/zones.yaml", "name: Mainland China"));
    }
}
