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

    [Fact]
    public void ExternalProviderAbroad_IsACrossBorderArrow_ForNoneOnly_WithNoBasisRecorded()
    {
        using var copy = new RepoCopy().Replace("policies/routing.yaml", "    external_providers: []\n\n  cn:", Policies.PolicyAuditTests.ProviderAbroad);

        var map = DataflowMapBuilder.Build(ComplianceModel.Load(copy.Policies), "fra");

        var flow = map.Flows.Single(f => f.To == "provider_example-us".Replace('-', '_'));
        flow.DataClasses.ShouldBe(["none"]);
        flow.CrossBorder.ShouldBeTrue();
        map.Transfers.Outbound.ShouldContain(t => t.ToZone == "US" && t.Basis == DataflowMapBuilder.NoBasisRecorded);
        map.Recipients.ShouldContain(r => r.Name == "example-us" && r.Zone == DataflowMapBuilder.OutsideZones);
        DataflowMarkdown.Render(map).ShouldContain("regional_fra ==>|\"none · CROSS-BORDER\"| provider_example_us");
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
