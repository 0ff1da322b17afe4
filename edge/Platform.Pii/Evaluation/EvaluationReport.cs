using System.Globalization;
using System.Text;

namespace Platform.Pii.Evaluation;

/// <summary>Scores of the classifier on a labelled set, as defined by the PII issue's acceptance targets.</summary>
public sealed record EvaluationReport(
    int Rows,
    double PiiRecall,
    double SensitiveRecall,
    double NoneFalsePositiveRate,
    int DecoyFalsePositives,
    double LocaleAccuracy,
    IReadOnlyDictionary<(string Expected, string Predicted), int> Confusion,
    IReadOnlyList<GroupScore> Groups,
    IReadOnlyDictionary<string, int> DecoyHitsByType,
    IReadOnlyList<string> Problems)
{
    public static readonly string[] Classes = ["none", "direct", "sensitive"];

    /// <summary>The acceptance line, e.g. <c>pii-recall=0.995 sensitive-recall=0.962 none-fpr=0.031 decoy-fp=0</c>.</summary>
    public string SummaryLine => string.Create(CultureInfo.InvariantCulture, $"pii-recall={PiiRecall:0.000} sensitive-recall={SensitiveRecall:0.000} none-fpr={NoneFalsePositiveRate:0.000} decoy-fp={DecoyFalsePositives}");

    public string LocaleLine => string.Create(CultureInfo.InvariantCulture, $"locale-accuracy={LocaleAccuracy:0.000}");

    public string Render(bool includeProblems = true)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"rows={Rows}");
        sb.AppendLine("class confusion (rows: expected, columns: predicted)");
        sb.AppendLine(inv, $"{"",-10}{Classes[0],10}{Classes[1],10}{Classes[2],10}");
        foreach (var expected in Classes)
        {
            sb.Append(inv, $"{expected,-10}");
            foreach (var predicted in Classes)
            {
                sb.Append(inv, $"{Confusion.GetValueOrDefault((expected, predicted)),10}");
            }
            sb.AppendLine();
        }
        sb.AppendLine("span scores by type group (overlap match within group)");
        foreach (var g in Groups)
        {
            sb.AppendLine(inv, $"  {g.Group,-20} precision={g.Precision:0.000} recall={g.Recall:0.000} (gold {g.GoldFound}/{g.Gold}, reported {g.ReportedMatched}/{g.Reported})");
        }
        if (DecoyHitsByType.Count > 0)
        {
            sb.AppendLine("decoy false positives by decoy type");
            foreach (var (type, count) in DecoyHitsByType.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                sb.AppendLine(inv, $"  {type,-24} {count}");
            }
        }
        if (includeProblems)
        {
            foreach (var p in Problems)
            {
                sb.AppendLine(p);
            }
        }
        sb.AppendLine(LocaleLine);
        sb.Append(SummaryLine);
        return sb.ToString();
    }
}

/// <summary>Span precision and recall for one type group.</summary>
public sealed record GroupScore(string Group, int Gold, int GoldFound, int Reported, int ReportedMatched)
{
    public double Recall => Gold == 0 ? 1 : (double)GoldFound / Gold;

    public double Precision => Reported == 0 ? 1 : (double)ReportedMatched / Reported;
}
