using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static class FlowsReader
{
    public static IReadOnlyList<FailoverRule> Read(YamlNodeReader root, IReadOnlyList<Zone> zones, DataClassCatalog classes)
    {
        root.AllowOnly("flows");
        var rules = new List<FailoverRule>();
        var flows = root["flows"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (from, entry) in flows.Entries("Give every zone an entry under 'flows:' with its failover rules (an empty list for none)."))
        {
            entry.AllowOnly("failover");
            var home = zones.FirstOrDefault(z => z.Id == from);
            if (home is null)
            {
                entry.Error($"Unknown zone '{from}'.", $"Use one of: {string.Join(", ", zones.Select(z => z.Id))}.");
                continue;
            }

            seen.Add(from);
            var targets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in entry["failover"].Items($"Write flows.{from}.failover as a list; [] when the zone never fails over."))
            {
                rule.AllowOnly("to", "classes", "basis");
                var to = rule["to"].String("Name the zone that may serve these requests.");
                var target = zones.FirstOrDefault(z => z.Id == to);
                if (target is null)
                {
                    rule["to"].Error($"Unknown zone '{to}'.", $"Use one of: {string.Join(", ", zones.Select(z => z.Id))}.");
                    continue;
                }

                if (to == from)
                {
                    rule["to"].Error("A zone cannot fail over to itself.", "Remove the rule: the home zone is always tried first.");
                }

                if (!targets.Add(to))
                {
                    rule["to"].Error($"A second rule for '{to}'.", "Merge the two rules into one.");
                }

                if (home.Isolated || target.Isolated)
                {
                    var isolated = home.Isolated ? from : to;
                    rule.Error($"Zone '{isolated}' is isolated: no request may leave or enter it.", $"Remove this rule from flows.{from}.failover.");
                }

                var ruleClasses = new List<DataClass>();
                foreach (var name in rule["classes"].Strings("List the data classes that may fail over, like [none]."))
                {
                    if (!DataClassNames.TryParse(name, out var dataClass))
                    {
                        rule["classes"].Error($"Unknown data class '{name}'.", "Use none, direct or sensitive.");
                    }
                    else if (classes.IsPersonal(dataClass))
                    {
                        rule["classes"].Error($"'{name}' is personal data and may never leave its home zone.", $"Remove '{name}' from flows.{from}.failover; only 'none' may fail over.");
                    }
                    else
                    {
                        ruleClasses.Add(dataClass);
                    }
                }

                var basis = rule["basis"].String("Record the legal basis on which this cross-border flow is lawful.");
                rules.Add(new FailoverRule(from, to, ruleClasses, basis, new Origin(root.Source.File, rule.Line)));
            }
        }

        foreach (var zone in zones.Where(z => !seen.Contains(z.Id)))
        {
            flows.Error($"Zone '{zone.Id}' has no entry.", $"Add flows.{zone.Id}.failover (an empty list when it never fails over).");
        }

        return rules;
    }
}
