using System.CommandLine;
using Platform.Compliance;
using Spectre.Console;

namespace Platform.Cli.Policies;

/// <summary><c>platform policies check [--dir policies]</c>: loads the policies as every service would, and lists every problem.</summary>
internal static class PoliciesCommand
{
    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir")
        {
            Description = "The policies directory to check (default: ./policies).",
            DefaultValueFactory = _ => new DirectoryInfo("policies"),
        };
        var check = new Command("check", "Validate the policies; exit 1 and list every problem with file, line, key and fix.") { dir };
        check.SetAction(parse => Check(parse.GetValue(dir)!));
        return new Command("policies", "Inspect the compliance policies.") { check };
    }

    internal static int Check(DirectoryInfo directory)
    {
        if (!directory.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No policies directory at {directory.FullName}.[/]");
            return 2;
        }

        var (model, errors) = ComplianceModel.Validate(directory.FullName);
        if (model is null)
        {
            foreach (var e in errors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error[/] {e.File}:{e.Line}: [bold]{e.Key}[/]: {e.Problem} [grey]Fix:[/] {e.Fix}");
            }

            AnsiConsole.MarkupLineInterpolated($"[red]{errors.Count} problem(s); the services would refuse to start.[/]");
            return 1;
        }

        var table = new Table().AddColumns("zone", "home countries", "trace retention", "may fail over to (none-class only)", "pools");
        foreach (var zone in model.Zones)
        {
            table.AddRow(
                zone.Id,
                string.Join(' ', zone.HomeCountries),
                $"{zone.Retention.TraceDays} d",
                string.Join(", ", model.ServingZones(zone.Id, DataClass.None).Skip(1)) is { Length: > 0 } s ? s : "— (never leaves)",
                model.PoolsIn(zone.Id).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[green]Policies are valid.[/]");
        return 0;
    }
}
