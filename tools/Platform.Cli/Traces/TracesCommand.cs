using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Platform.Traces;
using Spectre.Console;

namespace Platform.Cli.Traces;

/// <summary>
/// <c>platform traces list --zone sgp --from … --to …</c> and <c>platform traces get --zone sgp &lt;request-id&gt;</c>: read a
/// zone's reasoning traces back for debugging, from the store the regional function writes to. Expired traces are never shown.
/// </summary>
internal static class TracesCommand
{
    private static readonly JsonSerializerOptions Indented = new(TraceJson.Options) { WriteIndented = true };

    public static Command Create()
    {
        var zone = new Option<string>("--zone") { Description = "The zone whose traces to read (sgp, fra, cn).", Required = true };
        var settings = new Option<FileInfo?>("--settings") { Description = "A JSON settings file with Regional:Traces:* (environment variables Regional__Traces__… also apply)." };
        var policies = new Option<DirectoryInfo?>("--policies") { Description = "The policies directory (default: the embedded policies)." };
        var json = new Option<bool>("--json") { Description = "Print JSON lines instead of a table." };

        var from = new Option<DateTimeOffset>("--from") { Description = "Start of the window (ISO 8601, UTC if no offset; default: 24 hours ago).", DefaultValueFactory = _ => DateTimeOffset.UtcNow.AddDays(-1) };
        var to = new Option<DateTimeOffset>("--to") { Description = "End of the window (default: now).", DefaultValueFactory = _ => DateTimeOffset.UtcNow };
        var list = new Command("list", "List the zone's traces started in a time window, oldest first.") { zone, from, to, settings, policies, json };
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(zone)!, parse.GetValue(from), parse.GetValue(to), parse.GetValue(settings), parse.GetValue(policies), parse.GetValue(json), ct));

        var requestId = new Argument<string>("request-id") { Description = "The request id (the X-Request-Id response header)." };
        var on = new Option<DateTimeOffset?>("--on") { Description = "The day the request started (default: search the zone's whole retention, newest day first)." };
        var get = new Command("get", "Print one trace (tags, timings, reasoning and answer) as JSON.") { zone, requestId, on, settings, policies };
        get.SetAction((parse, ct) => GetAsync(parse.GetValue(zone)!, parse.GetValue(requestId)!, parse.GetValue(on), parse.GetValue(settings), parse.GetValue(policies), ct));

        return new Command("traces", "Read a zone's reasoning traces back for debugging.") { list, get };
    }

    internal static async Task<int> ListAsync(string zone, DateTimeOffset from, DateTimeOffset to, FileInfo? settings, DirectoryInfo? policies, bool json, CancellationToken ct)
    {
        if (from > to)
        {
            return Fail("--from is after --to.");
        }

        var (store, problem) = TraceStoreAccess.Open(zone, settings, policies);
        if (store is null)
        {
            return Fail(problem!);
        }

        var table = new Table().AddColumns("started (UTC)", "request id", "outcome", "pool", "model", "ttft ms", "duration ms", "expires (UTC)");
        var count = 0;
        await foreach (var stored in store.ListAsync(from, to, ct))
        {
            count++;
            var t = stored.Trace;
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(stored, TraceJson.Options));
                continue;
            }

            table.AddRow(
                Markup.Escape(t.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Markup.Escape(t.RequestId),
                Markup.Escape(t.Outcome),
                Markup.Escape(t.Pool ?? "—"),
                Markup.Escape(t.Model ?? "—"),
                t.TimeToFirstTokenMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "—",
                t.DurationMs.ToString("F0", CultureInfo.InvariantCulture),
                Markup.Escape(stored.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        if (!json)
        {
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"{count} trace(s) in zone {zone} from {from:u} to {to:u}.");
        }

        return 0;
    }

    internal static async Task<int> GetAsync(string zone, string requestId, DateTimeOffset? on, FileInfo? settings, DirectoryInfo? policies, CancellationToken ct)
    {
        var (store, problem) = TraceStoreAccess.Open(zone, settings, policies);
        if (store is null)
        {
            return Fail(problem!);
        }

        var now = DateTimeOffset.UtcNow;
        var days = on is { } only ? [only] : Enumerable.Range(0, Compliance.Retention.MaxTraceDays + 1).Select(d => now.AddDays(-d));
        foreach (var day in days)
        {
            string key;
            try
            {
                key = TraceKeys.For(zone, day, requestId);
            }
            catch (ArgumentException e)
            {
                return Fail(e.Message);
            }

            if (await store.GetAsync(key, ct) is { } stored)
            {
                Console.WriteLine(JsonSerializer.Serialize(stored, Indented));
                return 0;
            }
        }

        return Fail($"No trace of request '{requestId}' in zone {zone}{(on is { } d ? $" on {TraceKeys.DayOf(d)}" : "")}: it never ran there, or it has expired.", exitCode: 1);
    }

    private static int Fail(string message, int exitCode = 2)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]{message}[/]");
        return exitCode;
    }
}
