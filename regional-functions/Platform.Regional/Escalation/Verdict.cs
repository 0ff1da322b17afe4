using System.Globalization;
using System.Text.Json;

namespace Platform.Regional.Escalation;

/// <summary>What the judge said about an answer: its label (pass, fail, or unreadable), its score, and whether the answer stands.</summary>
internal sealed record Verdict(string Label, decimal? Score, bool Passed)
{
    public const string Unreadable = "unreadable";
    public const string VerifierUnavailable = "verifier_unavailable";

    /// <summary>
    /// Reads the judge's JSON (the first {...} in its content). An answer passes when the judge says "pass" with at
    /// least the threshold. A verdict that cannot be read keeps the answer: paying for a higher tier on a broken judge's
    /// word would spend without reason.
    /// </summary>
    public static Verdict Parse(string? content, decimal passThreshold)
    {
        var start = content?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        var end = content?.LastIndexOf('}') ?? -1;
        if (start < 0 || end < start)
        {
            return new Verdict(Unreadable, null, true);
        }

        try
        {
            using var doc = JsonDocument.Parse(content![start..(end + 1)]);
            var root = doc.RootElement;
            var label = root.TryGetProperty("verdict", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.ToLowerInvariant() : null;
            decimal? score = root.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetDecimal(out var d) ? d
                : root.TryGetProperty("score", out s) && s.ValueKind == JsonValueKind.String && decimal.TryParse(s.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out d) ? d
                : null;
            return label switch
            {
                "pass" => new Verdict(label, score, score is null || score >= passThreshold),
                "fail" => new Verdict(label, score, false),
                _ => new Verdict(Unreadable, score, true),
            };
        }
        catch (JsonException)
        {
            return new Verdict(Unreadable, null, true);
        }
    }
}
