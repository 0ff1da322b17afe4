using System.Text.Json;
using Platform.Cli.Replay;

namespace Platform.EndToEnd.Tests.Replay;

/// <summary><c>platform replay</c> against the local platform: every request is counted once, and the totals add up.</summary>
public sealed class ReplayTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    private static readonly string[] Traffic =
    [
        """{"model":"auto","country":"SG","stream":false,"prompt":"Write a short poem about rivers.","max_tokens":64,"repeat":3}""",
        """{"model":"auto","country":"DE","stream":true,"prompt":"Explain why the sky is blue, step by step.","max_tokens":64}""",
        """{"model":"fast","country":"CN","stream":true,"messages":[{"role":"user","content":"帮我写一首关于春天的短诗。"}],"max_tokens":64}""",
        """{"model":"frontier","country":"FR","stream":false,"prompt":"Donne trois idées de recettes.","max_tokens":64,"repeat":2}""",
    ];

    [Fact]
    public async Task Replay_CountsEveryRequestOnce_AndRowTotalsAddUpToTheSavingsLine()
    {
        var lines = ReplayLine.ParseAll(Traffic);

        var report = await ReplayCommand.ReplayAsync(lines, fx.Platform.EdgeUrl, 50, 4, TestContext.Current.CancellationToken);

        report.Failed.ShouldBe(0);
        report.Requests.ShouldBe(7);
        report.Rows.Select(r => r.Zone).Distinct().Order().ShouldBe(["cn", "fra", "sgp"]);
        report.Rows.Single(r => r.Zone == "fra" && r.Tier == 3).Requests.ShouldBe(2);
        report.Rows.ShouldAllBe(r => r.InputTokens > 0 && r.OutputTokens > 0 && r.SpendUsd > 0 && r.SpendUsd <= r.Tier3SpendUsd && r.P50Ms <= r.P99Ms);
        report.Rows.Where(r => r.Tier == 3).ShouldAllBe(r => r.SpendUsd == r.Tier3SpendUsd, "tier-3 traffic costs the same in the counterfactual");
        report.SavingsUsd.ShouldBe(report.Rows.Sum(r => r.Tier3SpendUsd) - report.Rows.Sum(r => r.SpendUsd));
        report.SavingsUsd.ShouldBeGreaterThan(0);

        var json = JsonDocument.Parse(ReplayCommand.ToJson(report)).RootElement;
        json.GetProperty("requests").GetInt32().ShouldBe(7);
        json.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("requests").GetInt32()).ShouldBe(7);
        json.GetProperty("spend_usd").GetDecimal().ShouldBe(report.SpendUsd);
    }

    [Fact]
    public void TrafficFile_BadLines_AreAllReportedWithTheirNumbers()
    {
        var e = Should.Throw<FormatException>(() => ReplayLine.ParseAll(["""{"model":"auto","country":"SG","prompt":"hi"}""", "not json", """{"model":"auto","country":"SGP","prompt":"hi"}"""]));

        e.Message.ShouldContain("line 2:");
        e.Message.ShouldContain("line 3:");
        e.Message.ShouldNotContain("line 1:");
    }
}
