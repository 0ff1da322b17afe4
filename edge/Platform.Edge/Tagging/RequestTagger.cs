using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Edge.Zones;
using Platform.Pii;

namespace Platform.Edge.Tagging;

/// <summary>What the edge knows about a request before deciding: the parsed body and the caller.</summary>
internal sealed record EdgeFacts(ChatRequest Request, Tenant Tenant, HomeZoneDecision Home, string? LatencyBudgetHeader, string? AcceptLanguage);

internal sealed record EdgeRejection(int Status, string Message, string Code, string? Param = null);

/// <summary>Everything the edge decided: the tags, the home zone, and the zones that may serve, in order.</summary>
internal sealed record EdgeDecision(
    PiiScan Scan,
    DataClass DataClass,
    HomeZoneDecision Home,
    IReadOnlyList<string> ServingZones,
    int LatencyBudgetMs,
    CostTierDecision Tier)
{
    public RequestTags TagsFor(string requestId, string tenant, string servingZone, int maxTier, string requestedModel) => new()
    {
        RequestId = requestId,
        Tenant = tenant,
        Locale = Scan.Locale,
        DataClass = DataClass,
        PiiTypes = Scan.Findings.Select(f => f.Type).Distinct().Order(StringComparer.Ordinal).ToArray(),
        HomeZone = Home.Zone,
        ServingZone = servingZone,
        LatencyBudgetMs = LatencyBudgetMs,
        CostTier = Tier.Tier,
        MaxTier = maxTier,
        RequestedModel = requestedModel,
    };
}

/// <summary>Tags a request and decides its zones. Deterministic: the same facts always give the same decision.</summary>
internal sealed class RequestTagger(PiiClassifier classifier, ComplianceModel model, LatencyBudgetOptions budgets)
{
    public (EdgeDecision? Decision, EdgeRejection? Rejection) Decide(EdgeFacts facts)
    {
        var (budget, budgetError) = LatencyBudget.Decide(facts.LatencyBudgetHeader, facts.Request.Stream, facts.Request.MaxTokens, budgets);
        if (budgetError is not null)
        {
            return (null, new EdgeRejection(400, budgetError, "invalid_latency_budget", LatencyBudget.Header));
        }

        var text = facts.Request.AllText();
        var tier = CostTierRule.Decide(facts.Request.Model, text, facts.Tenant, model);
        if (tier.Error is not null)
        {
            return (null, new EdgeRejection(tier.Status, tier.Error, tier.Code!, "model"));
        }

        var scan = classifier.Scan(text, facts.AcceptLanguage);
        var dataClass = model.DataClasses.ClassOf(scan.Findings.Select(f => f.Type));
        return (new EdgeDecision(scan, dataClass, facts.Home, model.ServingZones(facts.Home.Zone, dataClass), budget, tier), null);
    }
}
