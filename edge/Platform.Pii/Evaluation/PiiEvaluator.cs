using System.Text.Json;

namespace Platform.Pii.Evaluation;

/// <summary>
/// Scores a <see cref="PiiClassifier"/> against a labelled JSONL set. The type → class rule comes from the caller
/// (the compliance model), so this library stays independent of policy.
/// </summary>
public static class PiiEvaluator
{
    private static readonly Dictionary<string, string> TypeGroups = BuildGroups();

    public static IReadOnlyList<LabelledPrompt> ReadJsonl(TextReader reader)
    {
        var rows = new List<LabelledPrompt>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                rows.Add(JsonSerializer.Deserialize<LabelledPrompt>(line) ?? throw new InvalidDataException("A JSONL line decoded to null."));
            }
        }
        return rows;
    }

    public static IReadOnlyList<LabelledPrompt> ReadJsonl(string path)
    {
        using var reader = new StreamReader(path);
        return ReadJsonl(reader);
    }

    /// <summary>The span-scoring group of a type: phone, national_id, financial, sensitive_attr, or the type itself.</summary>
    public static string GroupOf(string type) => TypeGroups.GetValueOrDefault(type, type);

    /// <param name="classOf">Maps a set of PII types to "none", "direct" or "sensitive".</param>
    public static EvaluationReport Evaluate(IEnumerable<LabelledPrompt> rows, PiiClassifier classifier, Func<IReadOnlyCollection<string>, string> classOf)
    {
        var confusion = new Dictionary<(string, string), int>();
        var groups = new Dictionary<string, int[]>(); // gold, goldFound, reported, reportedMatched
        var decoyHits = new Dictionary<string, int>();
        var problems = new List<string>();
        int total = 0, piiRows = 0, piiHit = 0, sensitiveRows = 0, sensitiveHit = 0, noneRows = 0, noneFlagged = 0, decoyFp = 0, localeOk = 0;

        foreach (var row in rows)
        {
            total++;
            var scan = classifier.Scan(row.Text);
            var predicted = classOf(scan.Findings.Select(f => f.Type).ToHashSet());
            confusion[(row.ExpectedClass, predicted)] = confusion.GetValueOrDefault((row.ExpectedClass, predicted)) + 1;

            if (row.ExpectedClass != "none")
            {
                piiRows++;
                piiHit += predicted != "none" ? 1 : 0;
            }
            if (row.ExpectedClass == "sensitive")
            {
                sensitiveRows++;
                sensitiveHit += predicted == "sensitive" ? 1 : 0;
            }
            if (row.ExpectedClass == "none")
            {
                noneRows++;
                noneFlagged += predicted != "none" ? 1 : 0;
            }
            if (predicted != row.ExpectedClass)
            {
                problems.Add($"class {row.Id} [{row.Lang}] expected={row.ExpectedClass} predicted={predicted} found=[{Describe(scan.Findings)}]");
            }

            var localeCorrect = row.Lang == "mixed" || ExpectedLocale(row.Lang) == scan.Locale;
            localeOk += localeCorrect ? 1 : 0;
            if (!localeCorrect)
            {
                problems.Add($"locale {row.Id} expected={row.Lang} detected={scan.Locale}");
            }

            ScoreSpans(row, scan, groups, problems);
            foreach (var decoy in row.Decoys ?? [])
            {
                foreach (var (start, length) in Occurrences(row.Text, decoy.Value))
                {
                    foreach (var f in scan.Findings.Where(f => Overlap(f.Start, f.Length, start, length)))
                    {
                        decoyFp++;
                        decoyHits[decoy.Type] = decoyHits.GetValueOrDefault(decoy.Type) + 1;
                        problems.Add($"decoy {row.Id} {decoy.Type} reported as {f.Type}");
                    }
                }
            }
        }

        var groupScores = groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupScore(g.Key, g.Value[0], g.Value[1], g.Value[2], g.Value[3]))
            .ToList();
        return new EvaluationReport(
            total,
            Ratio(piiHit, piiRows, 1),
            Ratio(sensitiveHit, sensitiveRows, 1),
            Ratio(noneFlagged, noneRows, 0),
            decoyFp,
            Ratio(localeOk, total, 1),
            confusion,
            groupScores,
            decoyHits,
            problems);
    }

    private static void ScoreSpans(LabelledPrompt row, PiiScan scan, Dictionary<string, int[]> groups, List<string> problems)
    {
        var gold = row.Pii.Select(p => (Group: GroupOf(p.Type), p.Type, p.Value, Spans: Occurrences(row.Text, p.Value).ToList())).ToList();
        foreach (var g in gold)
        {
            var counts = Counts(groups, g.Group);
            counts[0]++;
            var found = scan.Findings.Any(f => GroupOf(f.Type) == g.Group && g.Spans.Any(s => Overlap(f.Start, f.Length, s.Start, s.Length)));
            counts[1] += found ? 1 : 0;
            if (!found)
            {
                problems.Add($"miss {row.Id} {g.Type} '{g.Value}'");
            }
        }
        foreach (var f in scan.Findings)
        {
            var group = GroupOf(f.Type);
            var counts = Counts(groups, group);
            counts[2]++;
            var matched = gold.Any(g => g.Group == group && g.Spans.Any(s => Overlap(f.Start, f.Length, s.Start, s.Length)));
            counts[3] += matched ? 1 : 0;
            if (!matched)
            {
                problems.Add($"extra {row.Id} {f.Type} '{f.Value}'");
            }
        }
    }

    private static int[] Counts(Dictionary<string, int[]> groups, string group)
    {
        if (!groups.TryGetValue(group, out var counts))
        {
            counts = new int[4];
            groups[group] = counts;
        }
        return counts;
    }

    private static string Describe(IReadOnlyList<PiiFinding> findings) => string.Join(", ", findings.Select(f => $"{f.Type}:'{f.Value}'"));

    private static string ExpectedLocale(string lang) => lang == "zh" ? "zh-Hans" : lang;

    private static double Ratio(int numerator, int denominator, double whenEmpty) => denominator == 0 ? whenEmpty : (double)numerator / denominator;

    private static bool Overlap(int aStart, int aLength, int bStart, int bLength) => aStart < bStart + bLength && bStart < aStart + aLength;

    private static IEnumerable<(int Start, int Length)> Occurrences(string text, string value)
    {
        if (value.Length == 0)
        {
            yield break;
        }
        var i = text.IndexOf(value, StringComparison.Ordinal);
        while (i >= 0)
        {
            yield return (i, value.Length);
            i = text.IndexOf(value, i + 1, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> BuildGroups()
    {
        var map = new Dictionary<string, string>();
        void Group(string name, params string[] types)
        {
            foreach (var t in types)
            {
                map[t] = name;
            }
        }
        Group("phone", PiiTypes.CnMobile, PiiTypes.HkPhone, PiiTypes.TwPhone, PiiTypes.SgPhone, PiiTypes.Phone);
        Group("national_id", PiiTypes.PrcId, PiiTypes.SgNric, PiiTypes.HkId, PiiTypes.TwId, PiiTypes.KrRrn, PiiTypes.EsDni, PiiTypes.FrNir, PiiTypes.MyNric, PiiTypes.VnCccd, PiiTypes.IdNik);
        Group("financial", PiiTypes.CreditCard, PiiTypes.BankAccountCn, PiiTypes.BankAccount, PiiTypes.Iban);
        Group("sensitive_attr", PiiTypes.Health, PiiTypes.Religion, PiiTypes.Biometric, PiiTypes.Genetic, PiiTypes.SexualOrientation, PiiTypes.TradeUnion, PiiTypes.Minor);
        return map;
    }
}
