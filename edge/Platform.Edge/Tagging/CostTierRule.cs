using Platform.Compliance;

namespace Platform.Edge.Tagging;

internal sealed record CostTierDecision(int Tier, string Reason, int Status = 200, string? Error = null, string? Code = null);

/// <summary>
/// The cost tier a request starts at: the tier of the alias or model asked for, or, for <c>auto</c>, the
/// cheapest tier the prompt's signals suggest. Never above the tenant's maximum.
/// </summary>
internal static class CostTierRule
{
    public const string Auto = "auto";

    // Signals that a prompt needs step-by-step reasoning rather than a fast answer.
    private static readonly string[] ReasoningCues =
    [
        "prove", "proof", "step by step", "derive", "calculate", "explain why", "analyze", "analyse", "debug", "optimi",
        "证明", "推导", "计算", "分析", "为什么", "一步一步", "證明", "推導", "計算", "分析", "為什麼",
        "beweise", "berechne", "warum", "démontre", "calcule", "pourquoi", "demuestra", "calcula", "por qué",
        "証明", "計算して", "なぜ", "증명", "계산", "왜", "chứng minh", "tính", "buktikan", "hitung", "kira",
    ];

    private const int LongPromptChars = 6_000;

    public static CostTierDecision Decide(string requestedModel, string promptText, Tenant tenant, ComplianceModel model)
    {
        if (requestedModel == Auto)
        {
            var tier = AutoTier(promptText, out var reason);
            var capped = Math.Min(tier, tenant.MaxTier);
            return new CostTierDecision(capped, capped < tier ? reason + $"; capped at tenant maximum {tenant.MaxTier}" : reason);
        }

        int requested;
        string why;
        if (model.TierByAlias(requestedModel) is { } t)
        {
            (requested, why) = (t.Level, $"alias '{t.Alias}'");
        }
        else if (model.Models.FirstOrDefault(m => m.Id == requestedModel) is { } m)
        {
            (requested, why) = (m.Tier, $"model '{m.Id}'");
        }
        else
        {
            return new CostTierDecision(0, "unknown model", 404, $"The model '{requestedModel}' does not exist. Use auto, {string.Join(", ", model.Tiers.Select(x => x.Alias))} or a model from GET /v1/models.", "model_not_found");
        }

        return requested > tenant.MaxTier
            ? new CostTierDecision(0, why, 403, $"The model '{requestedModel}' is tier {requested}, above your tenant's maximum tier {tenant.MaxTier}.", "tier_not_allowed")
            : new CostTierDecision(requested, why);
    }

    private static int AutoTier(string text, out string reason)
    {
        var cue = text.Contains("```", StringComparison.Ordinal)
            || ReasoningCues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
        if (cue && text.Length >= LongPromptChars)
        {
            reason = "auto: long prompt with reasoning signals";
            return 2;
        }

        reason = cue ? "auto: reasoning signals" : "auto: no reasoning signals";
        return cue ? 1 : 0;
    }
}
