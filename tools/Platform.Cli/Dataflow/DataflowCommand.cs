using System.CommandLine;
using Platform.Audit;
using Platform.Compliance;
using Spectre.Console;

namespace Platform.Cli.Dataflow;

/// <summary><c>platform dataflow generate [--policies policies] [--stacks .] [--out policies/dataflow]</c>: writes the zones' data-flow maps.</summary>
internal static class DataflowCommand
{
    public static Command Create()
    {
        var policies = new Option<DirectoryInfo>("--policies")
        {
            Description = "The policies directory the maps are generated from (default: ./policies).",
            DefaultValueFactory = _ => new DirectoryInfo("policies"),
        };
        var stacks = new Option<DirectoryInfo>("--stacks")
        {
            Description = "The directory holding the Pulumi.<stack>.yaml stack configs whose plans the maps show (default: .).",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Where to write the maps (default: ./policies/dataflow).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("policies", "dataflow")),
        };
        var generate = new Command("generate", "Generate one Markdown map (Mermaid flowchart + GDPR Art. 30 tables) and one JSON file per zone, and an index.") { policies, stacks, output };
        generate.SetAction(parse => Generate(parse.GetValue(policies)!, parse.GetValue(stacks)!, parse.GetValue(output)!));
        return new Command("dataflow", "Data-flow maps for compliance officers, generated from the policies.") { generate };
    }

    internal static int Generate(DirectoryInfo policies, DirectoryInfo stacks, DirectoryInfo output)
    {
        var (model, errors) = ComplianceModel.Validate(policies.FullName);
        if (model is null)
        {
            foreach (var e in errors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error[/] {e.File}:{e.Line}: [bold]{e.Key}[/]: {e.Problem} [grey]Fix:[/] {e.Fix}");
            }

            AnsiConsole.MarkupLine("[red]The policies do not load; no map was written.[/] Run [bold]platform policies check[/].");
            return 1;
        }

        var (plans, planErrors) = StackPlans.Build(model, stacks.FullName);
        if (planErrors.Count > 0)
        {
            foreach (var e in planErrors)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error[/] {e.File}:{e.Line}: [bold]{e.Key}[/]: {e.Problem} [grey]Fix:[/] {e.Fix}");
            }

            AnsiConsole.MarkupLine("[red]A stack cannot be planned; no map was written.[/] Run [bold]platform audit[/].");
            return 1;
        }

        var changed = DataflowGenerator.Write(model, plans, output.FullName);
        foreach (var file in changed)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {Path.Combine(output.ToString(), file)}");
        }

        AnsiConsole.MarkupLineInterpolated($"{(changed.Count == 0 ? "Maps are up to date" : $"{changed.Count} file(s) changed")} in {output}.");
        return 0;
    }
}
