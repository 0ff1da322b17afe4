namespace Platform.Compliance.Tests;

public sealed class ComplianceModelLoadTests
{
    [Fact]
    public void ShippedPolicies_Load_WithThreeZonesAndPoolsInEach()
    {
        var model = ComplianceModel.Load(PolicyCopy.RepositoryPolicies);

        model.Zones.Select(z => z.Id).ShouldBe(["sgp", "fra", "cn"]);
        foreach (var zone in model.Zones)
        {
            model.PoolsIn(zone.Id).ShouldNotBeEmpty();
        }

        model.Zone("cn").Aws.ShouldBe(new AwsPlacement("aws-cn", "cn-northwest-1"));
    }

    [Fact]
    public void EmbeddedPolicies_AreTheRepositoryFiles()
    {
        var fromDisk = ComplianceModel.Load(PolicyCopy.RepositoryPolicies);
        var embedded = ComplianceModel.Embedded;

        embedded.Pools.Select(p => p.Id).ShouldBe(fromDisk.Pools.Select(p => p.Id));
        embedded.Zones.Select(z => z.Retention).ShouldBe(fromDisk.Zones.Select(z => z.Retention));
        embedded.Failover.Select(f => (f.From, f.To)).ShouldBe(fromDisk.Failover.Select(f => (f.From, f.To)));
    }

    [Fact]
    public void TraceRetentionOf45Days_IsRefused_NamingFileKeyAndFix()
    {
        using var copy = new PolicyCopy().Replace("zones.yaml", "trace_days: 30\n      # The decision log", "trace_days: 45\n      # The decision log");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.File.ShouldEndWith("zones.yaml");
        error.Key.ShouldBe("zones.sgp.retention.trace_days");
        error.Line.ShouldBe(File.ReadAllLines(Path.Combine(copy.Directory, "zones.yaml")).ToList().FindIndex(l => l.Contains("trace_days: 45")) + 1);
        error.ToString().ShouldContain("exceeds the platform limit of 30");
        error.Fix.ShouldBe("Set it to 30 or less.");
    }

    [Fact]
    public void PoolInUnknownZone_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("pools.yaml", "  sgp-h100-fast-b:\n    zone: sgp", "  sgp-h100-fast-b:\n    zone: sgx");

        var errors = copy.Errors();

        errors.ShouldContain(e => e.Key == "pools.sgp-h100-fast-b.zone" && e.Problem == "Unknown zone 'sgx'." && e.Fix == "Use one of: sgp, fra, cn.");
    }

    [Fact]
    public void H100PoolInCn_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("pools.yaml", "  cn-910b-fast-b:\n    zone: cn\n    accelerator: ascend-910b", "  cn-910b-fast-b:\n    zone: cn\n    accelerator: h100");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.Key.ShouldBe("pools.cn-910b-fast-b.accelerator");
        error.Problem.ShouldBe("Accelerator 'h100' may not run in zone 'cn'.");
        error.Fix.ShouldBe("Use one of zone cn's accelerators: ascend-910b.");
    }

    [Fact]
    public void ExportControlledAcceleratorAllowedInCn_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("zones.yaml", "accelerators: [ascend-910b]", "accelerators: [ascend-910b, h200]");

        copy.Errors().ShouldHaveSingleItem().Problem.ShouldBe("Accelerator 'h200' is export-controlled and zone 'cn' is export-restricted.");
    }

    [Fact]
    public void FlowThatLetsPiiLeaveItsZone_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("flows.yaml", "      - to: fra\n        classes: [none]", "      - to: fra\n        classes: [none, direct]");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.Key.ShouldBe("flows.sgp.failover[0].classes");
        error.Problem.ShouldBe("'direct' is personal data and may never leave its home zone.");
        error.Fix.ShouldBe("Remove 'direct' from flows.sgp.failover; only 'none' may fail over.");
    }

    [Fact]
    public void FlowOutOfIsolatedCn_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("flows.yaml", "    failover: []", "    failover:\n      - to: sgp\n        classes: [none]\n        basis: convenience");

        copy.Errors().ShouldHaveSingleItem().Problem.ShouldBe("Zone 'cn' is isolated: no request may leave or enter it.");
    }

    [Fact]
    public void FlowIntoIsolatedCn_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("flows.yaml", "      - to: sgp\n", "      - to: cn\n");

        copy.Errors().ShouldContain(e => e.Key == "flows.fra.failover[0]" && e.Problem == "Zone 'cn' is isolated: no request may leave or enter it.");
    }

    [Fact]
    public void SeveralMistakes_AreAllReported_NotJustTheFirst()
    {
        using var copy = new PolicyCopy()
            .Replace("zones.yaml", "trace_days: 30\n      # EU AI Act", "trace_days: 31\n      # EU AI Act")
            .Replace("pools.yaml", "    model: deepseek-r1\n    replicas: 1\n    accelerators_per_replica: 16", "    model: gpt-9\n    replicas: 1\n    accelerators_per_replica: 16")
            .Replace("tenants.yaml", "home_zone: fra", "home_zone: ams");

        var errors = copy.Errors();

        errors.Select(e => e.Key).ShouldBe(["zones.fra.retention.trace_days", "pools.cn-910b-frontier.model", "tenants.lumen-berlin.home_zone"], ignoreOrder: true);
    }

    [Fact]
    public void MisspelledKey_IsRefused_RatherThanIgnored()
    {
        using var copy = new PolicyCopy().Replace("zones.yaml", "      decision_log_days: 180", "      decision_log_dayz: 180");

        var errors = copy.Errors();

        errors.ShouldContain(e => e.Key == "zones.cn.retention.decision_log_dayz" && e.Problem == "Unknown key 'decision_log_dayz'.");
        errors.ShouldContain(e => e.Key == "zones.cn.retention.decision_log_days" && e.Problem == "Missing.");
    }

    [Fact]
    public void BrokenYaml_IsRefused_WithItsLine()
    {
        using var copy = new PolicyCopy().Replace("tenants.yaml", "    max_tier: 1", "    max_tier: [1");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.File.ShouldEndWith("tenants.yaml");
        error.Problem.ShouldStartWith("Not valid YAML");
    }

    [Fact]
    public void CnRegionOutsideAwsCnPartition_IsRefused()
    {
        using var copy = new PolicyCopy().Replace("zones.yaml", "aws: { partition: aws-cn, region: cn-northwest-1 }", "aws: { partition: aws, region: cn-northwest-1 }");

        copy.Errors().ShouldHaveSingleItem().Problem.ShouldBe("Region 'cn-northwest-1' is not in partition 'aws'.");
    }
}
