namespace Platform.Audit.Tests.Policies;

public sealed class PolicyAuditTests
{
    [Fact]
    public void ShippedPoliciesAndStacks_HaveNoViolations()
    {
        var report = Auditor.Run(Path.Combine(RepoCopy.RepositoryRoot, "policies"), RepoCopy.RepositoryRoot);

        report.Violations.ShouldBeEmpty(string.Join(Environment.NewLine, report.Violations));
        report.Stacks.Select(Path.GetFileName).ShouldBe(["Pulumi.cn.yaml", "Pulumi.fra.yaml", "Pulumi.sgp.yaml"]);
        report.Passed.ShouldBeTrue();
    }

    [Fact]
    public void FlowLettingDirectLeave_IsAPiiViolation_AtItsLine()
    {
        using var copy = new RepoCopy().Replace("policies/flows.yaml", "classes: [none]", "classes: [none, direct]");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.PiiStaysHome);
        finding.File.ShouldEndWith(Path.Combine("policies", "flows.yaml"));
        finding.Line.ShouldBe(copy.LineOf("policies/flows.yaml", "classes: [none, direct]"));
        finding.Key.ShouldBe("flows.sgp.failover[0].classes");
        finding.Message.ShouldBe("'direct' is personal data and may never leave its home zone.");
    }

    [Fact]
    public void CrossBorderRuleWithEmptyBasis_IsATransferBasisViolation_AtItsLine()
    {
        using var copy = new RepoCopy().Replace(
            "policies/flows.yaml",
            "basis: >-\n          No personal data is transferred: only prompts in which the edge found no personal data\n          fail over, so PDPA s.26 transfer obligations do not arise. Failover happens only while\n          every sgp pool that serves the tier is unavailable.",
            "basis: \"\"");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.TransferBasis);
        finding.Location.ShouldBe($"{Path.Combine(copy.Policies, "flows.yaml")}:{copy.LineOf("policies/flows.yaml", "basis: \"\"")}");
        finding.Key.ShouldBe("flows.sgp.failover[0].basis");
    }

    [Fact]
    public void FailoverOutOfCn_IsAnIsolatedZoneViolation()
    {
        using var copy = new RepoCopy().Replace("policies/flows.yaml", "failover: []", "failover:\n      - to: sgp\n        classes: [none]\n        basis: Anything.");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.IsolatedZone);
        finding.Line.ShouldBe(copy.LineOf("policies/flows.yaml", "basis: Anything.") - 2);
        finding.Message.ShouldBe("Zone 'cn' is isolated: no request may leave or enter it.");
    }

    internal const string ProviderAbroad =
        "    external_providers:\n      - name: example-us\n        base_url: https://api.example.com/v1\n        model: example-frontier\n        processing_country: US\n        in_zone_processor: false\n        price: { input: 3, cached_input: 0.75, output: 15 }\n\n  cn:";

    [Fact]
    public void ExternalProviderAbroad_IsATransferWithoutBasis_AtItsLine()
    {
        using var copy = new RepoCopy().Replace("policies/routing.yaml", "    external_providers: []\n\n  cn:", ProviderAbroad);

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.TransferBasis);
        finding.File.ShouldEndWith("routing.yaml");
        finding.Line.ShouldBe(copy.LineOf("policies/routing.yaml", "- name: example-us"));
        finding.Message.ShouldBe("External provider example-us processes in US, outside zone fra; no legal basis for sending it prompts is recorded.");
    }

    [Fact]
    public void TraceRetentionOver30InPolicies_IsARetentionViolation()
    {
        using var copy = new RepoCopy().Replace("policies/zones.yaml", "trace_days: 30", "trace_days: 31");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.TraceRetention);
        finding.Key.ShouldBe("zones.sgp.retention.trace_days");
        finding.Line.ShouldBe(copy.LineOf("policies/zones.yaml", "trace_days: 31"));
    }

    [Fact]
    public void PartWithoutProcessor_IsRefused_NamingZoneAndPart()
    {
        using var copy = new RepoCopy().Replace("policies/processing.yaml", "hosts: [regional_function, trace_store, decision_log, gpu_pools]", "hosts: [regional_function, trace_store, gpu_pools]");

        var finding = copy.Audit().Violations.ShouldHaveSingleItem();

        finding.Rule.ShouldBe(Invariant.PoliciesLoad);
        finding.Key.ShouldBe("zones.sgp.processors");
        finding.Message.ShouldBe("No processor hosts the decision_log of zone 'sgp'.");
    }

    [Fact]
    public void PlaceholderContacts_AreWarnings_NotViolations()
    {
        using var copy = new RepoCopy()
            .Replace("policies/processing.yaml", "name: \"[Name of the EU DPO]\"", "name: Dr. Erika Muster")
            .Replace("policies/processing.yaml", "contact: \"[dpo-eu@controller.example]\"", "contact: dpo@muster.example");

        var warnings = copy.Audit().Findings.Where(f => f.Severity == Severity.Warning && f.Rule == Invariant.RecordOfProcessing).ToArray();

        warnings.Select(w => w.Line).ShouldBe([copy.LineOf("policies/processing.yaml", "name: \"[Controller legal name]\""), copy.LineOf("policies/processing.yaml", "role: Data Protection Officer (PDPA"),
            copy.LineOf("policies/processing.yaml", "role: Person in charge")]);
        copy.Audit().Passed.ShouldBeTrue();
    }

    [Fact]
    public void Finding_PrintsSeverityRuleAndFileLine()
    {
        var finding = new AuditFinding(Severity.Violation, Invariant.TraceRetention, "Pulumi.sgp.yaml", 27, "platform:traceRetentionDays", "Too long.", "Shorten it.");

        finding.ToString().ShouldBe("violation [trace-retention] Pulumi.sgp.yaml:27: platform:traceRetentionDays: Too long. Fix: Shorten it.");
    }
}
