using Platform.Compliance;
using Platform.Edge.Apis;

namespace Platform.Edge.Telemetry;

/// <summary>The edge span's attributes from its decision: names and numbers only (PII <em>type</em> names, never values).</summary>
internal static class EdgeSpanTags
{
    public static IEnumerable<KeyValuePair<string, object?>> Of(EdgeRequest request, string edgeZone)
    {
        var d = request.Decision;
        yield return new("gen_ai.operation.name", "chat");
        yield return new("gen_ai.request.model", request.Chat.Model);
        yield return new("gen_ai.request.stream", request.Chat.Stream);
        yield return new("platform.request_id", request.RequestId);
        yield return new("platform.tenant", request.Tenant.Id);
        yield return new("platform.edge_zone", edgeZone);
        yield return new("platform.home_zone", d.Home.Zone);
        yield return new("platform.home_zone.reason", d.Home.Reason);
        yield return new("platform.serving_zones", d.ServingZones.ToArray());
        yield return new("platform.data_class", d.DataClass.ToWire());
        yield return new("platform.pii_types", d.Scan.Findings.Select(f => f.Type).Distinct().Order(StringComparer.Ordinal).ToArray());
        yield return new("platform.locale", d.Scan.Locale);
        yield return new("platform.cost_tier", d.Tier.Tier);
        yield return new("platform.cost_tier.reason", d.Tier.Reason);
        yield return new("platform.latency_budget_ms", d.LatencyBudgetMs);
    }
}
