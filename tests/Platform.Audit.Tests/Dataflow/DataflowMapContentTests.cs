using System.Text.Json;
using Platform.Compliance;

namespace Platform.Audit.Tests.Dataflow;

public sealed class DataflowMapContentTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Load(Path.Combine(RepoCopy.RepositoryRoot, "policies"));

    [Fact]
    public void CnMap_HasNoCrossBorderArrow()
    {
        var map = DataflowMapBuilder.Build(Model, "cn");

        map.Flows.ShouldAllBe(f => !f.CrossBorder);
        map.Nodes.ShouldAllBe(n => n.Zone == "cn");
        map.Transfers.Outbound.ShouldBeEmpty();
        map.Transfers.Inbound.ShouldBeEmpty();
        DataflowMarkdown.Render(map).ShouldNotContain(DataflowMarkdown.CrossBorderMark, Case.Sensitive);
    }

    [Fact]
    public void SgpMap_SendsOnlyNoneToFra_MarkedCrossBorder_WithItsBasis()
    {
        var map = DataflowMapBuilder.Build(Model, "sgp");
        var rule = Model.Failover.Single(f => f.From == "sgp");

        var outbound = map.Flows.Where(f => f.Direction == MapFlow.Outbound).ShouldHaveSingleItem();
        outbound.From.ShouldBe("edge_sgp");
        outbound.To.ShouldBe("regional_fra");
        outbound.DataClasses.ShouldBe(["none"]);
        outbound.CrossBorder.ShouldBeTrue();
        outbound.Basis.ShouldBe(rule.Basis);
        outbound.Source.ShouldBe($"policies/flows.yaml:{rule.Origin.Line}");

        var markdown = DataflowMarkdown.Render(map);
        markdown.ShouldContain($"edge_sgp ==>|\"none · {DataflowMarkdown.CrossBorderMark}\"| regional_fra");
        markdown.ShouldContain(rule.Basis);
        map.Transfers.Regime.ShouldContain("PDPA s.26");
        map.Transfers.PersonalDataTransferred.ShouldBeFalse();
    }

    [Fact]
    public void EveryMap_CarriesPersonalDataOnlyInsideItsZone()
    {
        foreach (var zone in Model.Zones)
        {
            var map = DataflowMapBuilder.Build(Model, zone.Id);

            map.Flows.Where(f => f.CrossBorder).ShouldAllBe(f => f.DataClasses.SequenceEqual(new[] { "none" }), $"map {zone.Id}");
        }
    }

    [Fact]
    public void EveryMap_HasTheArt30Fields_FromTheRecordOfProcessing()
    {
        foreach (var zone in Model.Zones)
        {
            var map = DataflowMapBuilder.Build(Model, zone.Id);

            map.Controller.Name.ShouldNotBeEmpty();
            map.Officer.Contact.ShouldNotBeEmpty();
            map.Purposes.ShouldNotBeEmpty();
            map.DataSubjects.ShouldNotBeEmpty();
            map.DataCategories.Where(c => c.PersonalData).SelectMany(c => c.Types).ShouldContain("health");
            map.Recipients.ShouldContain(r => r.Zone == zone.Id && r.Hosts.Contains("gpu_pools"));
            map.Retention.ShouldContain(r => r.Store == "Trace bucket" && r.Days == zone.Retention.TraceDays);
            map.Retention.ShouldContain(r => r.Store == "Decision log" && r.Days == zone.Retention.DecisionLogDays);
            map.SecurityMeasures.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void MapWithItsPlan_ShowsTheBucketTheStackCreates_AndItsProtection()
    {
        var plan = StackPlans.Build(Model, RepoCopy.RepositoryRoot).Plans["cn"];

        var map = DataflowMapBuilder.Build(Model, "cn", plan);

        var bucket = map.Resources.Single(r => r.Part == "trace_store");
        bucket.Name.ShouldBe(plan.TraceBucket.Name);
        bucket.Where.ShouldBe("AWS aws-cn cn-northwest-1");
        bucket.Settings.ShouldContain("Public access blocked; object ownership BucketOwnerEnforced");
        map.Retention.ShouldContain(r => r.Store == "Function logs" && r.Days <= 30);
        map.Sources.ShouldContain("Pulumi.cn.yaml");
    }

    private const string Basis = "Only prompts in which the edge found no personal data are sent; GDPR Chapter V does not arise.";

    [Fact]
    public void ExternalProviderAbroad_IsACrossBorderArrow_ForNoneOnly_WithItsBasis_AndARecipientAbroad()
    {
        using var copy = new RepoCopy().Replace("policies/routing.yaml", "    external_providers: []\n\n  cn:", Policies.PolicyAuditTests.ProviderAbroad.Replace("\n\n  cn:", $"\n        basis: {Basis}\n\n  cn:", StringComparison.Ordinal));

        var map = DataflowMapBuilder.Build(ComplianceModel.Load(copy.Policies), "fra");

        var flow = map.Flows.Single(f => f.To == "provider_example_us");
        flow.DataClasses.ShouldBe(["none"]);
        flow.CrossBorder.ShouldBeTrue();
        flow.Basis.ShouldBe(Basis);
        map.Nodes.Single(n => n.Id == "provider_example_us").Zone.ShouldBe(DataflowMapBuilder.OutsideZones);
        map.Transfers.Outbound.ShouldContain(t => t.ToZone == "US" && t.Basis == Basis && t.DataClasses.SequenceEqual(new[] { "none" }));
        map.Transfers.PersonalDataTransferred.ShouldBeFalse();
        var recipient = map.Recipients.Single(r => r.Name == "example-us");
        recipient.Zone.ShouldBe(DataflowMapBuilder.OutsideZones);
        recipient.Role.ShouldBe($"External tier-3 provider (OpenAI-compatible, model example-frontier) processing in US; may receive: none (never personal data); transfer basis: {Basis}.");
        DataflowMarkdown.Render(map).ShouldContain("regional_fra ==>|\"none · CROSS-BORDER\"| provider_example_us");
    }

    [Fact]
    public void InZoneProcessorProvider_IsAnArrowWithinTheZone_CarryingPersonalData_AndOneRecipient()
    {
        using var copy = new RepoCopy()
            .Replace("policies/routing.yaml", "    external_providers: []\n\n  cn:",
                "    external_providers:\n      - name: example-de\n        base_url: https://api.example.eu/v1\n        model: example-frontier\n        processing_country: DE\n        in_zone_processor: true\n        price: { input: 3, cached_input: 0.75, output: 15 }\n\n  cn:")
            .Replace("policies/processing.yaml", "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n  cn:",
                "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n      - name: example-de\n        role: Answers tier-3 requests in Germany.\n        hosts: [external_provider]\n  cn:");

        var map = DataflowMapBuilder.Build(ComplianceModel.Load(copy.Policies), "fra");

        var flow = map.Flows.Single(f => f.To == "provider_example_de");
        flow.DataClasses.ShouldBe(["none", "direct", "sensitive"]);
        flow.CrossBorder.ShouldBeFalse();
        map.Recipients.Where(r => r.Name == "example-de").ShouldHaveSingleItem().Role.ShouldContain("a processor of the zone; may receive: none, direct, sensitive");
        map.Transfers.Outbound.ShouldNotContain(t => t.ToName.Contains("example-de", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonMap_RoundTrips_ToTheSameMap()
    {
        var map = DataflowMapBuilder.Build(Model, "fra");

        var json = JsonSerializer.Serialize(map, DataflowGenerator.Json);
        var read = JsonSerializer.Deserialize<DataflowMap>(json, DataflowGenerator.Json)!;

        JsonSerializer.Serialize(read, DataflowGenerator.Json).ShouldBe(json);
        json.ShouldContain("\"cross_border\": true");
    }
}
