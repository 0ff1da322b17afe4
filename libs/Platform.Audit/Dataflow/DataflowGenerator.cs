using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Compliance;
using Platform.Infra.Plan;

namespace Platform.Audit;

/// <summary>
/// Writes <c>policies/dataflow/</c>: per zone a Markdown page and the same content as JSON, and an index. The output
/// depends on the policies only (no timestamps), so a test can regenerate it and compare with what is committed.
/// </summary>
public static class DataflowGenerator
{
    public const string RegenerateCommand = "dotnet run --project tools/Platform.Cli -- dataflow generate";

    public const string GeneratedNotice =
        $"> Generated from `policies/` by `{RegenerateCommand}`. Do not edit: change the policies and regenerate. A test fails when this file differs from what the policies produce.";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        // Keep the text readable for reviewers of a diff (quotes, arrows and non-Latin names unescaped).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>File name (inside the dataflow folder) to content, in a stable order.</summary>
    public static IReadOnlyList<(string File, string Content)> Generate(ComplianceModel model, IReadOnlyDictionary<string, DeploymentPlan> plans)
    {
        var maps = model.Zones.Select(z => DataflowMapBuilder.Build(model, z.Id, plans.GetValueOrDefault(z.Id))).ToArray();
        var files = new List<(string, string)> { ("README.md", Index(maps)) };
        foreach (var map in maps)
        {
            files.Add(($"{map.Zone}.md", DataflowMarkdown.Render(map)));
            files.Add(($"{map.Zone}.json", JsonSerializer.Serialize(map, Json) + "\n"));
        }

        return files;
    }

    /// <summary>Writes every file, and removes maps of zones that no longer exist; returns the files whose content changed.</summary>
    public static IReadOnlyList<string> Write(ComplianceModel model, IReadOnlyDictionary<string, DeploymentPlan> plans, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = Generate(model, plans);
        var changed = new List<string>();
        foreach (var (file, content) in files)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                File.WriteAllText(path, content, new UTF8Encoding(false));
                changed.Add(file);
            }
        }

        foreach (var stale in Directory.GetFiles(directory).Where(p => files.All(f => f.File != Path.GetFileName(p))))
        {
            File.Delete(stale);
            changed.Add(Path.GetFileName(stale));
        }

        return changed;
    }

    private static string Index(IReadOnlyList<DataflowMap> maps)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line("# Data-flow maps");
        Line();
        Line(GeneratedNotice);
        Line();
        Line("One map per zone answers, without reading code: what personal data the platform processes there, where each data class may flow, who receives it, how long it is kept, and on what legal basis anything crosses a border. Each map is a Markdown page (a Mermaid flowchart and the GDPR Art. 30 record-of-processing tables) and the same content as JSON for tools.");
        Line();
        Line("| Zone | Name | Regulation | Map | JSON | Leaves the zone |");
        Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var map in maps)
        {
            var leaves = map.Transfers.Outbound.Count == 0
                ? "nothing"
                : string.Join("; ", map.Transfers.Outbound.Select(t => $"{string.Join(", ", t.DataClasses)} to {t.ToZone} when {map.Zone} cannot serve"));
            Line($"| {map.Zone} | {map.Name} | {map.Regulation} | [{map.Zone}.md]({map.Zone}.md) | [{map.Zone}.json]({map.Zone}.json) | {leaves} |");
        }

        Line();
        Line("## How the maps are made, and kept true");
        Line();
        Line($"- They are generated from {string.Join(", ", DataflowMapBuilder.PolicyFiles.Select(f => $"`{f}`"))} (the same files every service loads at start) and from each zone's deployment plan, built from its `Pulumi.<zone>.yaml` exactly as `pulumi up` builds it. Transfer bases are written once, in `policies/flows.yaml`.");
        Line($"- To change a map, change the policies in a pull request and run `{RegenerateCommand}`; commit both.");
        Line("- `tests/Platform.Audit.Tests` regenerates the maps and fails when a committed file differs, naming the file.");
        Line("- `platform audit` checks the policies and the stack configs against the invariants the maps show; `platform audit decisions --zone <zone> --from <time> --to <time>` checks that the running system did what the maps say.");
        Line();
        Line("## Reading a map");
        Line();
        Line("- Arrow labels are data classes: `none` (no personal data found), `direct` (identifies or contacts a person), `sensitive` (special categories, financial accounts).");
        Line($"- Thick red arrows marked `{DataflowMarkdown.CrossBorderMark}` leave or enter the zone; the flows table gives each one's legal basis and the line of `policies/flows.yaml` it comes from.");
        Line("- Dotted arrows carry metadata only (the decision log): no prompt, answer or personal-data value.");
        return md.ToString();
    }
}
