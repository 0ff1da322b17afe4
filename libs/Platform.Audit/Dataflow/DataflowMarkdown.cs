using System.Text;

namespace Platform.Audit;

/// <summary>A zone's map as a Markdown page: a Mermaid flowchart, then the record-of-processing tables.</summary>
public static class DataflowMarkdown
{
    public const string CrossBorderMark = "CROSS-BORDER";

    public static string Render(DataflowMap map)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line($"# Data-flow map: {map.Zone} ({map.Name})");
        Line();
        Line(DataflowGenerator.GeneratedNotice);
        Line();
        Line($"- **Regulation:** {map.Regulation}");
        Line($"- **Home to users in:** {string.Join(", ", map.HomeCountries)}");
        Line($"- **Where it runs:** AWS {map.Placement.AwsRegion} (partition `{map.Placement.AwsPartition}`); edge on {map.Placement.AzureCloud} {map.Placement.AzureRegion}");
        Line($"- **Isolated:** {(map.Isolated ? "yes: no request homed here is served elsewhere, and none from elsewhere is served here" : "no")}");
        Line();
        Line("## Flows");
        Line();
        Line(map.Flows.Any(f => f.CrossBorder)
            ? $"Every arrow is labelled with the data classes allowed on it. Thick red arrows marked {CrossBorderMark} leave or enter the zone; dotted arrows carry metadata only."
            : "Every arrow is labelled with the data classes allowed on it; dotted arrows carry metadata only. No arrow crosses the zone's border.");
        Line();
        Line("```mermaid");
        Line(Mermaid(map));
        Line("```");
        Line();
        Table(md, ["From", "To", "Data classes", "Carries", "Cross-border", "Basis"], map.Flows.Select(f => new[]
        {
            Label(map, f.From), Label(map, f.To), Classes(f.DataClasses), f.Carries,
            f.CrossBorder ? $"{CrossBorderMark} ({f.Direction})" : "no",
            f.Basis is null ? "" : $"{f.Basis} ({f.Source})",
        }));

        Line("## Record of processing (GDPR Art. 30(1))");
        Line();
        Table(md, ["Field", "Entry"],
        [
            ["Controller", $"{map.Controller.Name}, {map.Controller.Address}, {map.Controller.Contact}"],
            [map.Officer.Role, $"{map.Officer.Name}, {map.Officer.Contact}"],
            ["Lawful basis", map.LawfulBasis],
            ["Purposes", string.Join("<br>", map.Purposes.Select(p => $"**{p.Id}** ({Classes(p.DataClasses)}): {p.Description}"))],
            ["Categories of data subjects", string.Join("<br>", map.DataSubjects)],
            ["Categories of personal data", string.Join("<br>", map.DataCategories.Where(c => c.PersonalData).Select(c => $"**{c.DataClass}**: {c.Description}"))],
            ["Recipients", string.Join("<br>", map.Recipients.Select(r => $"{r.Name} ({r.Zone})"))],
            ["Transfers to third countries", TransferSummary(map.Transfers)],
            ["Time limits for erasure", string.Join("<br>", map.Retention.Select(r => $"{r.Store}: {(r.Days is { } d ? $"{d} days" : "not stored")}"))],
            ["Security measures", "See below."],
        ]);

        Line("## Categories of personal data");
        Line();
        Table(md, ["Data class", "Personal data", "What it is", "Types the edge detects"], map.DataCategories.Select(c => new[]
        {
            c.DataClass, c.PersonalData ? "yes" : "no", c.Description, c.Types.Count == 0 ? "—" : string.Join(", ", c.Types.Select(t => $"`{t}`")),
        }));

        Line("## Recipients (processors)");
        Line();
        Table(md, ["Recipient", "Zone", "Role", "Hosts", "Source"], map.Recipients.Select(r => new[]
        {
            r.Name, r.Zone, r.Role, string.Join(", ", r.Hosts), r.Source,
        }));

        Line("## Transfers to third countries");
        Line();
        Line($"Law governing transfers out of {map.Zone}: {map.Transfers.Regime}.");
        Line();
        if (map.Transfers.Outbound.Count == 0 && map.Transfers.Inbound.Count == 0)
        {
            Line($"None. No request of zone {map.Zone} is served outside it, and no other zone's request is served here.");
            Line();
        }
        else
        {
            Table(md, ["Direction", "From", "To", "Data classes", "Legal basis", "Source"],
                map.Transfers.Outbound.Select(t => Row("outbound", t)).Concat(map.Transfers.Inbound.Select(t => Row("inbound", t))));
            Line($"Personal data transferred: {(map.Transfers.PersonalDataTransferred ? "YES" : "no. Personal data (direct, sensitive) is served in its home zone or refused.")}");
            Line();
        }

        Line("## Retention and erasure");
        Line();
        Table(md, ["Where", "Holds", "Kept at most", "Erasure", "Source"], map.Retention.Select(r => new[]
        {
            r.Store, r.Holds, r.Days is { } d ? $"{d} days" : "not stored", r.Erasure, r.Source,
        }));

        Line("## Security measures (GDPR Art. 32)");
        Line();
        foreach (var measure in map.SecurityMeasures)
        {
            Line($"- {measure}");
        }

        Line();
        Line("## Deployed resources");
        Line();
        if (map.Resources.Count == 0)
        {
            Line($"No stack deploys zone {map.Zone} yet.");
            Line();
        }
        else
        {
            Line("What the zone's deployment plan creates, and the settings that protect the data in each resource.");
            Line();
            Table(md, ["Part", "Resource", "Where", "Settings"], map.Resources.Select(r => new[] { r.Part, r.Name, r.Where, string.Join("<br>", r.Settings) }));
        }

        Line($"Generated from: {string.Join(", ", map.Sources.Select(s => $"`{s}`"))}.");
        return md.ToString();
    }

    private static string Mermaid(DataflowMap map)
    {
        var m = new StringBuilder();
        m.Append("flowchart LR\n");
        m.Append($"  client[\"{Escape(Label(map, "client"))}\"]\n");
        foreach (var zone in map.Nodes.Where(n => n.Id != "client").Select(n => n.Zone).Distinct())
        {
            m.Append($"  subgraph zone_{zone}[\"{(zone == DataflowMapBuilder.OutsideZones ? "outside the platform's zones" : $"zone {zone}")}\"]\n");
            foreach (var node in map.Nodes.Where(n => n.Zone == zone && n.Id != "client"))
            {
                var (open, close) = node.Part is "trace_store" or "decision_log" ? ("[(\"", "\")]") : ("[\"", "\"]");
                m.Append($"    {node.Id}{open}{Escape(node.Label)}{close}\n");
            }

            m.Append("  end\n");
        }

        var crossing = new List<int>();
        for (var i = 0; i < map.Flows.Count; i++)
        {
            var f = map.Flows[i];
            var label = f.DataClasses.Count == 0 ? "metadata only" : string.Join(", ", f.DataClasses);
            var arrow = f.CrossBorder ? "==>" : f.DataClasses.Count == 0 ? "-.->" : "-->";
            m.Append($"  {f.From} {arrow}|\"{Escape(f.CrossBorder ? $"{label} · {CrossBorderMark}" : label)}\"| {f.To}\n");
            if (f.CrossBorder)
            {
                crossing.Add(i);
            }
        }

        if (crossing.Count > 0)
        {
            m.Append($"  linkStyle {string.Join(',', crossing)} stroke:#c00,stroke-width:3px\n");
        }

        return m.ToString().TrimEnd('\n');
    }

    private static string[] Row(string direction, MapTransfer t) =>
        [direction, t.FromZone, $"{t.ToZone} ({t.ToName}, {t.ToRegulation})", Classes(t.DataClasses), t.Basis, t.Source];

    private static string TransferSummary(MapTransfers t) =>
        t.Outbound.Count == 0
            ? $"None ({t.Regime} does not arise)."
            : string.Join("<br>", t.Outbound.Select(o => $"To {o.ToZone} ({o.ToName}), {Classes(o.DataClasses)} only, under {t.Regime}: {o.Basis}"));

    private static string Label(DataflowMap map, string nodeId) => map.Nodes.First(n => n.Id == nodeId).Label;

    private static string Classes(IReadOnlyList<string> classes) => classes.Count == 0 ? "metadata only" : string.Join(", ", classes);

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        md.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        md.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
