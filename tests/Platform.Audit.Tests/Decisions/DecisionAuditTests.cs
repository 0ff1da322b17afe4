using Microsoft.Extensions.Configuration;
using Platform.Compliance;
using Platform.Traces.Decisions;

namespace Platform.Audit.Tests.Decisions;

public sealed class DecisionAuditTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Embedded;

    private static DecisionReport Summarize(string zone, params DecisionRecord[] records) =>
        DecisionAudit.Summarize(Model, zone, Records.Noon.AddDays(-1), Records.Noon.AddDays(1), records);

    [Fact]
    public void Counts_AreByRequest_ByClassLocaleTierAndServingZone()
    {
        var report = Summarize(
            "sgp",
            Records.Served("a", "sgp", "sgp", DataClass.None, locale: "en", tier: 0),
            Records.Served("a", "sgp", "sgp", DataClass.None, locale: "en", tier: 0, source: DecisionSource.Edge),
            Records.Served("b", "sgp", "sgp", DataClass.Direct, locale: "ms", tier: 1, piiTypes: ["sg_nric"]),
            Records.Served("c", "sgp", "sgp", DataClass.Sensitive, locale: "en", tier: 1, piiTypes: ["health"]),
            Records.Served("d", "fra", "sgp", DataClass.None, locale: "de", tier: 0));

        report.Records.ShouldBe(5);
        report.Requests.ShouldBe(4);
        report.ByDataClass.ShouldBe(new Dictionary<string, int> { ["direct"] = 1, ["none"] = 2, ["sensitive"] = 1 });
        report.ByLocale.ShouldBe(new Dictionary<string, int> { ["de"] = 1, ["en"] = 2, ["ms"] = 1 });
        report.ByTier.ShouldBe(new Dictionary<string, int> { ["0"] = 2, ["1"] = 2 });
        report.ByServingZone.ShouldBe(new Dictionary<string, int> { ["sgp"] = 4 });
        report.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void RequestCountedOnce_ByTheRegionalRecord_WhenTheEdgeRecordedItToo()
    {
        var edge = Records.Served("a", "sgp", "sgp", DataClass.None, source: DecisionSource.Edge) with { Outcome = "forwarded" };
        var regional = Records.Served("a", "sgp", "sgp", DataClass.None);

        Summarize("sgp", edge, regional).ByOutcome.ShouldBe(new Dictionary<string, int> { ["ok"] = 1 });
    }

    [Fact]
    public void PersonalDataServedOutsideItsHomeZone_IsListed()
    {
        var report = Summarize("fra", Records.Served("leak", "sgp", "fra", DataClass.Direct, piiTypes: ["email"]), Records.Served("fine", "sgp", "fra", DataClass.None));

        var violation = report.Violations.ShouldHaveSingleItem();
        violation.Record.RequestId.ShouldBe("leak");
        violation.Reason.ShouldBe("Class 'direct' homed in sgp may be served only in sgp; it was served in fra.");
    }

    [Fact]
    public void CnRequestServedOutsideCn_IsListed_EvenWithoutPersonalData()
    {
        var report = Summarize("sgp", Records.Served("x", "cn", "sgp", DataClass.None));

        report.Violations.ShouldHaveSingleItem().Reason.ShouldBe("Class 'none' homed in cn may be served only in cn; it was served in sgp.");
    }

    [Fact]
    public void RequestServedOnAPoolOfAnotherZone_IsListed()
    {
        var report = Summarize("sgp", Records.Served("x", "sgp", "sgp", DataClass.Direct, pool: "fra-h100-fast-a"));

        report.Violations.ShouldHaveSingleItem().Reason.ShouldBe("Pool fra-h100-fast-a is in zone fra, not the serving zone sgp.");
    }

    [Fact]
    public void RequestThatFailedClosed_IsCountedAsNotServed_AndIsNoViolation()
    {
        var closed = Records.Served("x", "sgp", "sgp", DataClass.Sensitive, source: DecisionSource.Edge, piiTypes: ["health"])
            with { ServingZone = null, Pool = null, Model = null, Outcome = "failed_closed", Status = 503, TraceKey = null };

        var report = Summarize("sgp", closed);

        report.ByServingZone.ShouldBe(new Dictionary<string, int> { [DecisionReport.NotServed] = 1 });
        report.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_ReadsTheZonesLogForTheWindow()
    {
        var root = Path.Combine(Path.GetTempPath(), "decisions-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [DecisionLogRegistration.DirectoryKey] = root }).Build();
            var log = DecisionLogRegistration.Open(settings, Model.Zone("cn"), new FakeTime(Records.Noon));
            await log.AppendAsync(Records.Served("in", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a"));
            await log.AppendAsync(Records.Served("bad", "sgp", "cn", DataClass.None, pool: "cn-910b-fast-a"));
            await log.AppendAsync(Records.Served("outside", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a", time: Records.Noon.AddDays(-3)));

            var report = await DecisionAudit.RunAsync(Model, log, Records.Noon.AddDays(-1), Records.Noon.AddDays(1));

            report.Zone.ShouldBe("cn");
            report.Requests.ShouldBe(2);
            report.Violations.ShouldHaveSingleItem().Record.RequestId.ShouldBe("bad");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
