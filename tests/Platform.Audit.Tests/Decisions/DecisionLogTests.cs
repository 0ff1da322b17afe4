using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Compliance;
using Platform.Traces.Decisions;

namespace Platform.Audit.Tests.Decisions;

public sealed class DecisionLogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "decisions-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTime _time = new(Records.Noon);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AppendedRecords_AreReadBack_WithinTheWindow_OldestDayFirst()
    {
        var log = Log("sgp");
        var earlier = Records.Served("r1", "sgp", "sgp", DataClass.Direct, time: Records.Noon.AddDays(-1), piiTypes: ["email"]);
        var now = Records.Served("r2", "sgp", "sgp", DataClass.None);
        var later = Records.Served("r3", "sgp", "sgp", DataClass.None, time: Records.Noon.AddDays(1));
        await log.AppendAsync(now);
        await log.AppendAsync(earlier);
        await log.AppendAsync(later);

        var read = await ReadAll(log, Records.Noon.AddDays(-2), Records.Noon.AddHours(1));

        read.Select(r => r.RequestId).ShouldBe(["r1", "r2"]);
        (read[0] with { PiiTypes = earlier.PiiTypes }).ShouldBe(earlier);
        read[0].PiiTypes.ShouldBe(["email"]);
        File.Exists(Path.Combine(_root, "decisions", "sgp", "2026-11-19.jsonl")).ShouldBeTrue();
    }

    [Fact]
    public async Task ConcurrentAppends_EachLandWhole()
    {
        var log = Log("fra");

        await Parallel.ForEachAsync(Enumerable.Range(0, 300), async (i, ct) => await log.AppendAsync(Records.Served($"req-{i}", "fra", "fra", DataClass.None), ct));

        var read = await ReadAll(log, Records.Noon.AddHours(-1), Records.Noon.AddHours(1));
        read.Select(r => r.RequestId).Distinct().Count().ShouldBe(300);
        File.ReadAllLines(Path.Combine(_root, "decisions", "fra", "2026-11-20.jsonl")).Length.ShouldBe(300);
    }

    [Fact]
    public async Task TheEdgeAndTheRegionalFunction_AppendingToOneZoneFolderAtOnce_LoseNoLine()
    {
        // Two logs over one folder, as when the local platform runs a zone's edge and regional function in one process.
        var edge = Log("fra");
        var regional = Log("fra");

        await Parallel.ForEachAsync(Enumerable.Range(0, 400), async (i, ct) =>
            await (i % 2 == 0 ? edge : regional).AppendAsync(Records.Served($"req-{i}", "fra", "fra", DataClass.None), ct));

        var read = await ReadAll(Log("fra"), Records.Noon.AddHours(-1), Records.Noon.AddHours(1));
        read.Select(r => r.RequestId).Distinct().Count().ShouldBe(400);
    }

    [Fact]
    public async Task RecordWithAValueWhereATypeNameBelongs_IsRefused_AndNothingIsWritten()
    {
        var log = Log("sgp");

        var e = await Should.ThrowAsync<ArgumentException>(() => log.AppendAsync(Records.Served("r1", "sgp", "sgp", DataClass.Direct, piiTypes: ["alice@example.com"])));

        e.Message.ShouldStartWith("A PII type must be a type name");
        e.Message.ShouldNotContain("alice");
        Directory.Exists(Path.Combine(_root, "decisions", "sgp")).ShouldBeFalse();
    }

    [Fact]
    public async Task StoredLine_HoldsMetadataFieldsOnly()
    {
        var log = Log("cn");
        await log.AppendAsync(Records.Served("r1", "cn", "cn", DataClass.Sensitive, pool: "cn-910b-fast-a", locale: "zh-CN", piiTypes: ["health", "cn_mobile"]));

        var line = File.ReadAllLines(Path.Combine(_root, "decisions", "cn", "2026-11-20.jsonl")).ShouldHaveSingleItem();

        using var json = JsonDocument.Parse(line);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "request_id", "time", "source", "tenant", "home_zone", "serving_zone", "pool", "model", "data_class", "pii_types",
            "locale", "cost_tier", "latency_budget_ms", "outcome", "status", "trace_key",
        ]);
        json.RootElement.GetProperty("data_class").GetString().ShouldBe("sensitive");
        json.RootElement.GetProperty("source").GetString().ShouldBe("regional");
    }

    [Fact]
    public async Task LineCutShortByACrash_IsSkipped_TheOthersAreRead()
    {
        var log = Log("sgp");
        await log.AppendAsync(Records.Served("r1", "sgp", "sgp", DataClass.None));
        File.AppendAllText(Path.Combine(_root, "decisions", "sgp", "2026-11-20.jsonl"), "{\"request_id\":\"r2\",\"ti");
        File.AppendAllText(Path.Combine(_root, "decisions", "sgp", "2026-11-20.jsonl"), "\n");
        await log.AppendAsync(Records.Served("r3", "sgp", "sgp", DataClass.None));

        var read = await ReadAll(log, Records.Noon.AddHours(-1), Records.Noon.AddHours(1));

        read.Select(r => r.RequestId).ShouldBe(["r1", "r3"]);
    }

    [Fact]
    public async Task Sweeper_DeletesEachRecordBeforeItsRetentionEnds_EvenWhenItsDayHoldsLiveOnes()
    {
        var log = Log("cn");
        await log.AppendAsync(Records.Served("old", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a", time: Records.Noon.AddDays(-182)));
        // One day, 180 days ago: its retention ended an hour ago for one record, and ends in three hours for the other.
        await log.AppendAsync(Records.Served("expired", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a", time: Records.Noon.AddDays(-180).AddHours(-1)));
        await log.AppendAsync(Records.Served("edge", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a", time: Records.Noon.AddDays(-180).AddHours(3)));
        await log.AppendAsync(Records.Served("new", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a"));

        await using (var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddDecisionLog(Settings(), ComplianceModel.Embedded.Zone("cn")).BuildServiceProvider())
        {
            var sweeper = services.GetServices<IHostedService>().ShouldHaveSingleItem();
            await sweeper.StartAsync(CancellationToken.None);
            await sweeper.StopAsync(CancellationToken.None);
        }

        var read = await ReadAll(log, Records.Noon.AddDays(-400), Records.Noon.AddDays(1));
        read.Select(r => r.RequestId).ShouldBe(["edge", "new"]);
        File.ReadAllLines(Path.Combine(_root, "decisions", "cn", $"{Records.Noon.AddDays(-180):yyyy-MM-dd}.jsonl")).ShouldHaveSingleItem().ShouldContain("\"edge\"");
        File.Exists(Path.Combine(_root, "decisions", "cn", $"{Records.Noon.AddDays(-182):yyyy-MM-dd}.jsonl")).ShouldBeFalse();
    }

    [Fact]
    public async Task RecordPastItsRetention_IsNeverRead_EvenBeforeASweep()
    {
        var log = Log("cn");
        await log.AppendAsync(Records.Served("expired", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a", time: Records.Noon.AddDays(-180).AddMinutes(-1)));
        await log.AppendAsync(Records.Served("live", "cn", "cn", DataClass.None, pool: "cn-910b-fast-a", time: Records.Noon.AddDays(-180).AddMinutes(1)));

        var read = await ReadAll(log, Records.Noon.AddDays(-400), Records.Noon);

        read.Select(r => r.RequestId).ShouldBe(["live"]);
    }

    [Fact]
    public async Task AddDecisionLog_KeepsTheLogBesideTheLocalTraces_WithTheZonesRetention()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Regional:Traces:Directory"] = _root }).Build();
        var zone = ComplianceModel.Embedded.Zone("fra");
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddDecisionLog(configuration, zone).BuildServiceProvider();

        var log = services.GetRequiredService<IDecisionLog>();
        await log.AppendAsync(Records.Served("r1", "fra", "fra", DataClass.None));

        log.Zone.ShouldBe("fra");
        File.Exists(Path.Combine(_root, "decisions", "fra", "2026-11-20.jsonl")).ShouldBeTrue();
        services.GetServices<IHostedService>().ShouldHaveSingleItem();
    }

    private IConfiguration Settings() =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DecisionLogRegistration.DirectoryKey] = _root }).Build();

    private IDecisionLog Log(string zone) => DecisionLogRegistration.Open(Settings(), ComplianceModel.Embedded.Zone(zone), _time);

    private static async Task<List<DecisionRecord>> ReadAll(IDecisionLog log, DateTimeOffset from, DateTimeOffset to)
    {
        var list = new List<DecisionRecord>();
        await foreach (var r in log.ReadAsync(from, to))
        {
            list.Add(r);
        }

        return list;
    }
}
