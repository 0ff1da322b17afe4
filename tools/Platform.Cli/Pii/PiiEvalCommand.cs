using System.CommandLine;
using Platform.Compliance;
using Platform.Pii;
using Platform.Pii.Evaluation;
using Spectre.Console;

namespace Platform.Cli.Pii;

/// <summary><c>platform pii eval --file dev.jsonl [--policies dir]</c>: scores the edge's PII classifier on a labelled set.</summary>
internal static class PiiEvalCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file")
        {
            Description = "A labelled JSONL set in the shared PII format (e.g. ../shared/pii/dev.jsonl).",
            Required = true,
        };
        var policies = new Option<DirectoryInfo?>("--policies")
        {
            Description = "Policies directory whose data classes decide none/direct/sensitive (default: the policies built into this tool).",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Also list every miss, extra span, decoy hit and locale error." };
        var eval = new Command("eval", "Run the classifier over a labelled set and print recall, false-positive rates, span scores and the class confusion.") { file, policies, verbose };
        eval.SetAction(parse => Eval(parse.GetValue(file)!, parse.GetValue(policies), parse.GetValue(verbose)));
        return new Command("pii", "Inspect the edge's personal-data classifier.") { eval };
    }

    internal static int Eval(FileInfo file, DirectoryInfo? policies, bool verbose)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No data set at {file.FullName}.[/]");
            return 2;
        }
        var model = policies is null ? ComplianceModel.Embedded : ComplianceModel.Load(policies.FullName);
        var rows = PiiEvaluator.ReadJsonl(file.FullName);
        var report = PiiEvaluator.Evaluate(rows, new PiiClassifier(), types => model.DataClasses.ClassOf(types).ToWire());
        // Plain text: the report is meant to be diffed and grepped (the last line is the acceptance summary).
        Console.WriteLine(report.Render(includeProblems: verbose));
        return 0;
    }
}
