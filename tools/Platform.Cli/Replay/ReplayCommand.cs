using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Platform.Compliance;
using Platform.Local;
using Spectre.Console;

namespace Platform.Cli.Replay;

/// <summary>
/// <c>platform replay --file samples/traffic.jsonl [--edge URL]</c>: sends a traffic mix through the platform (the local
/// one, in process, unless an edge is given) and prints spend per zone and tier against the same traffic all at tier 3.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file") { Description = "JSONL traffic: {model, country, stream, messages | prompt, max_tokens?, repeat?} per line.", Required = true };
        var edge = new Option<Uri?>("--edge") { Description = "An edge to send to (its country header must be trusted from here). Default: start the local platform in process." };
        var speed = new Option<double>("--speed") { Description = "Simulator speed factor of the in-process platform.", DefaultValueFactory = _ => 20 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 8 };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the results as JSON here." };
        var command = new Command("replay", "Replay a traffic mix and show spend per zone and tier against sending it all to tier 3.") { file, edge, speed, concurrency, output };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, parse.GetValue(edge), parse.GetValue(speed), parse.GetValue(concurrency), parse.GetValue(output), ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, Uri? edge, double speed, int concurrency, FileInfo? output, CancellationToken ct)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No traffic file at {file.FullName}.[/]");
            return 2;
        }

        IReadOnlyList<ReplayLine> lines;
        try
        {
            lines = ReplayLine.ParseAll(await File.ReadAllLinesAsync(file.FullName, ct));
        }
        catch (FormatException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{file.Name} has bad lines:[/]{Environment.NewLine}{e.Message}");
            return 2;
        }

        var report = await ReplayAsync(lines, edge, speed, Math.Max(1, concurrency), ct);
        Print(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output.FullName, ToJson(report), ct);
            AnsiConsole.MarkupLineInterpolated($"Results written to {output.FullName}");
        }

        return 0;
    }

    /// <summary>Replays against <paramref name="edge"/>, or against a local platform started for the run and stopped after it.</summary>
    internal static async Task<ReplayReport> ReplayAsync(IReadOnlyList<ReplayLine> lines, Uri? edge, double speed, int concurrency, CancellationToken ct)
    {
        LocalPlatform? local = null;
        var data = Path.Combine(Path.GetTempPath(), "platform-replay-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (edge is null)
            {
                local = await LocalPlatform.StartAsync(new LocalPlatformOptions { EdgePort = 0, SimulatorSpeedFactor = speed, DataDirectory = data, PlatformLogLevel = "Warning" }, ct);
                edge = local.EdgeUrl;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var calls = await ReplaySender.SendAsync(http, edge, lines, concurrency, null, ct);
            return ReplayReport.Build(calls, local?.Model ?? ComplianceModel.Embedded);
        }
        finally
        {
            if (local is not null)
            {
                await local.DisposeAsync();
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
            }
        }
    }

    private static void Print(ReplayReport report)
    {
        var table = new Table().Title("Replay: spend per zone and tier");
        foreach (var column in new[] { "zone", "tier", "requests", "input tok", "output tok", "reasoning tok", "spend USD", "at tier 3 USD", "p50 ms", "p99 ms" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in report.Rows)
        {
            table.AddRow(r.Zone, Num(r.Tier), Num(r.Requests), Num(r.InputTokens), Num(r.OutputTokens), Num(r.ReasoningTokens), Usd(r.SpendUsd), Usd(r.Tier3SpendUsd), Ms(r.P50Ms), Ms(r.P99Ms));
        }

        table.AddRow("[bold]all[/]", "", Num(report.Requests), Num(report.Rows.Sum(r => r.InputTokens)), Num(report.Rows.Sum(r => r.OutputTokens)),
            Num(report.Rows.Sum(r => r.ReasoningTokens)), Usd(report.SpendUsd), Usd(report.Tier3SpendUsd), "", "");
        AnsiConsole.Write(table);
        if (report.Failed > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{report.Failed} requests failed ({string.Join(", ", report.FailedByStatus.Select(kv => $"{kv.Value}× HTTP {kv.Key}"))}); not counted above.[/]");
        }

        AnsiConsole.MarkupLineInterpolated($"Spend: {report.CostSource}.");
        AnsiConsole.MarkupLineInterpolated($"{ReplayReport.Assumption}");
        AnsiConsole.MarkupLineInterpolated($"[bold green]Savings: {Usd(report.SavingsUsd)} USD of {Usd(report.Tier3SpendUsd)} ({report.SavingsPercent.ToString("0.0", CultureInfo.InvariantCulture)}%) against all traffic at tier 3.[/]");
    }

    internal static string ToJson(ReplayReport report) => JsonSerializer.Serialize(new
    {
        requests = report.Requests,
        failed = report.Failed,
        cost_source = report.CostSource,
        assumption = ReplayReport.Assumption,
        spend_usd = report.SpendUsd,
        tier3_spend_usd = report.Tier3SpendUsd,
        savings_usd = report.SavingsUsd,
        savings_percent = report.SavingsPercent,
        rows = report.Rows,
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Num(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Usd(decimal usd) => usd.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);
}
