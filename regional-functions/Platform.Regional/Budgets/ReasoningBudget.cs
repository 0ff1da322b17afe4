using System.Text.Json.Nodes;
using Platform.Compliance;

namespace Platform.Regional.Budgets;

/// <summary>
/// The cap on reasoning + answer tokens for one pool call: the request's latency class and tier pick a cap in
/// routing.yaml; the pool gets the smaller of it and the client's own limit.
/// </summary>
internal sealed record BudgetDecision(LatencyClass Class, int Tier, int? Cap, int? ClientMax)
{
    /// <summary>What the pool is sent as <c>max_completion_tokens</c>; null leaves the pool's own default.</summary>
    public int? Effective => Cap is { } cap && ClientMax is { } client ? Math.Min(cap, client) : Cap ?? ClientMax;

    /// <summary>Whether the cap, not the client's own limit, is what stops the answer.</summary>
    public bool CapBinds => Cap is { } cap && (ClientMax is null || cap < ClientMax);

    /// <summary>An answer that stopped for length under a binding cap was cut by the platform, and is reported as such.</summary>
    public bool CappedBy(string? finishReason) => CapBinds && finishReason == "length";
}

internal static class ReasoningBudget
{
    public static BudgetDecision Decide(LatencyClasses classes, ZoneRouting zone, int latencyBudgetMs, int tier, int? clientMax)
    {
        var latencyClass = classes.Of(latencyBudgetMs);
        return new BudgetDecision(latencyClass, tier, zone.BudgetFor(latencyClass, tier), clientMax);
    }

    /// <summary>Sends the limit under its current name only: vLLM reads either, and two differing values would be ambiguous.</summary>
    public static void Apply(JsonObject body, BudgetDecision budget)
    {
        if (budget.Effective is not { } limit)
        {
            return;
        }

        body.Remove("max_tokens");
        body["max_completion_tokens"] = limit;
    }
}
