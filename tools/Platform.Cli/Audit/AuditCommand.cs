using System.CommandLine;
using Platform.Audit;
using Spectre.Console;

namespace Platform.Cli.Audit;

/// <summary>
/// <c>platform audit [--policies policies] [--stacks .]</c>: the policies and the stack configs against the invariants;
/// every finding with its severity and file:line; exit 1 on any violation. <c>audit decisions</c> checks the decision log.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var policies = new Option<DirectoryInfo>("--policies")
        {
            Description = "The policies directory (default: ./policies).",
            DefaultValueFactory = _ => new DirectoryInfo("policies"),
        };
        var stacks = new Option<DirectoryInfo>("--stacks")
        {
            Description = "The directory holding the Pulumi.<stack>.yaml stack configs (default: .).",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var audit = new Command("audit", "Check the policies and the stack configs against the compliance invariants; exit 1 on any violation.") { policies, stacks };
        audit.Subcommands.Add(DecisionsCommand.Create());
        audit.SetAction(parse => Run(parse.GetValue(policies)!, parse.GetValue(stacks)!));
        return audit;
    }

    internal static int Run(DirectoryInfo policies, DirectoryInfo stacks)
    {
        if (!policies.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No policies directory at {policies.FullName}.[/]");
            return 2;
        }

        var steps = 1 + StackFiles.In(stacks.FullName).Count;
        AuditReport report = null!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("auditing", maxValue: steps);
                report = Auditor.Run(policies.FullName, stacks.FullName, step =>
                {
                    task.Description = $"checking {Markup.Escape(step)}";
                    task.Increment(1);
                });
                task.Value = task.MaxValue;
            });

        Print(report);
        return report.Passed ? 0 : 1;
    }

    private static void Print(AuditReport report)
    {
        foreach (var f in report.Findings.OrderByDescending(f => f.Severity))
        {
            var colour = f.Severity switch { Severity.Violation => "red", Severity.Warning => "yellow", _ => "grey" };
            AnsiConsole.MarkupLineInterpolated(
                $"[{colour}]{f.Severity.ToString().ToLowerInvariant()}[/] [bold]{Relative(f.File)}:{f.Line}[/] [[{f.Rule}]] {f.Key}: {f.Message} [grey]Fix:[/] {f.Fix}");
        }

        var table = new Table().AddColumns("invariant", "result", "promise");
        foreach (var (id, promise) in Invariant.All.Where(i => i.Id != Invariant.ServedWherePolicyAllows))
        {
            var violations = report.Violations.Count(f => f.Rule == id);
            var warnings = report.Findings.Count(f => f.Rule == id && f.Severity == Severity.Warning);
            var result = violations > 0 ? $"[red]{violations} violation(s)[/]" : warnings > 0 ? $"[yellow]{warnings} warning(s)[/]" : "[green]holds[/]";
            table.AddRow(id, result, Markup.Escape(promise));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Stacks read: {(report.Stacks.Count == 0 ? "none" : string.Join(", ", report.Stacks.Select(Relative)))}");
        AnsiConsole.MarkupLine(report.Passed ? "[green]No violations.[/]" : $"[red]{report.Violations.Count()} violation(s).[/]");
    }

    internal static string Relative(string path) => Path.IsPathRooted(path) ? Path.GetRelativePath(Environment.CurrentDirectory, path) : path;
}
