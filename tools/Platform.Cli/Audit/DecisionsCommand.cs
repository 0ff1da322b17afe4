using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Platform.Audit;
using Platform.Compliance;
using Platform.Traces.Decisions;
using Spectre.Console;

namespace Platform.Cli.Audit;

/// <summary>
/// <c>platform audit decisions --zone cn --from … --to … [--store-config settings.json]</c>: counts a zone's requests in a
/// window and lists any served where the policies do not allow (there must be none).
/// </summary>
internal static class DecisionsCommand
{
    public static Command Create()
    {
        var zone = new Option<string>("--zone") { Description = "The zone whose decision log to read (sgp, fra, cn).", Required = true };
        var from = new Option<DateTimeOffset>("--from")
        {
            Description = "Start of the window (ISO 8601; default: 24 hours ago).",
            DefaultValueFactory = _ => DateTimeOffset.UtcNow.AddDays(-1),
        };
        var to = new Option<DateTimeOffset>("--to")
        {
            Description = "End of the window (ISO 8601; default: now).",
            DefaultValueFactory = _ => DateTimeOffset.UtcNow,
        };
        var storeConfig = new Option<FileInfo?>("--store-config")
        {
            Description = $"A JSON settings file with the apps' decision-log keys: {DecisionLogRegistration.StoreKey} (local or s3), then "
                + $"{DecisionLogRegistration.DirectoryKey} (or Regional:Traces:Directory) for a local log, or the Regional:Traces:S3:* settings "
                + "(bucket, region, endpoint, credentials) for the zone's bucket. Default: the apps' defaults (a local log).",
        };
        var policies = new Option<DirectoryInfo?>("--policies") { Description = "The policies directory (default: the policies built into this tool)." };
        var command = new Command("decisions", "Report a zone's decision log for a window: counts by data class, locale, tier and serving zone, and every policy violation.")
        {
            zone, from, to, storeConfig, policies,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(zone)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(storeConfig), parse.GetValue(policies), ct));
        return command;
    }

    internal static async Task<int> RunAsync(string zoneId, DateTimeOffset from, DateTimeOffset to, FileInfo? storeConfig, DirectoryInfo? policies, CancellationToken cancellationToken)
    {
        var model = policies is null ? ComplianceModel.Embedded : ComplianceModel.Load(policies.FullName);
        if (!model.IsZone(zoneId))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Unknown zone '{zoneId}'.[/] Use one of: {string.Join(", ", model.Zones.Select(z => z.Id))}.");
            return 2;
        }

        if (from > to)
        {
            AnsiConsole.MarkupLine("[red]--from is after --to.[/]");
            return 2;
        }

        if (storeConfig is { Exists: false })
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No settings file at {storeConfig.FullName}.[/]");
            return 2;
        }

        var configuration = new ConfigurationBuilder();
        if (storeConfig is not null)
        {
            configuration.AddJsonFile(storeConfig.FullName, optional: false);
        }

        var log = DecisionLogRegistration.Open(configuration.Build(), model.Zone(zoneId), TimeProvider.System);
        var report = await AnsiConsole.Status().StartAsync($"Reading the decision log of {zoneId}…", _ => DecisionAudit.RunAsync(model, log, from, to, cancellationToken));
        Print(report);
        return report.Violations.Count == 0 ? 0 : 1;
    }

    private static void Print(DecisionReport report)
    {
        AnsiConsole.MarkupLineInterpolated($"Zone [bold]{report.Zone}[/], {report.From:u} to {report.To:u}: {report.Requests} request(s), {report.Records} record(s).");
        var table = new Table().AddColumns("by", "value", "requests");
        foreach (var (title, counts) in new[]
        {
            ("data class", report.ByDataClass), ("locale", report.ByLocale), ("tier", report.ByTier),
            ("serving zone", report.ByServingZone), ("outcome", report.ByOutcome),
        })
        {
            foreach (var (value, count) in counts)
            {
                table.AddRow(title, Markup.Escape(value), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        AnsiConsole.Write(table);
        foreach (var v in report.Violations)
        {
            var r = v.Record;
            AnsiConsole.MarkupLineInterpolated(
                $"[red]violation[/] [bold]{r.RequestId}[/] {r.Time:u} ({r.Source.ToString().ToLowerInvariant()}): home {r.HomeZone}, {r.DataClass.ToWire()}, served in {r.ServingZone} on {r.Pool ?? "-"}: {v.Reason}");
        }

        AnsiConsole.MarkupLine(report.Violations.Count == 0
            ? "[green]No request was served where the policies do not allow.[/]"
            : $"[red]{report.Violations.Count} violation(s).[/]");
    }
}
