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
        var (plans, planErrors) = model is null ? (null, []) : StackPlans.Build(model, stacks.FullName);
        if (model is null || plans is null || planErrors.Count > 0)
        {
            // A map of policies the services would refuse, or of a stack that cannot deploy, would describe no real system.
            foreach (var problem in errors.Select(e => e.ToString()).Concat(planErrors.Select(e => e.ToString())))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error[/] {problem}");
            }

            AnsiConsole.MarkupLine("[red]No map was written.[/] Run [bold]platform audit[/] for the findings by invariant.");
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
