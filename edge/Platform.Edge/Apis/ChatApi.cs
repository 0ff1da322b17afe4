using System.Text.Json.Serialization;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Edge.Callers;
using Platform.Edge.Forwarding;
using Platform.Edge.Tagging;
using Platform.Edge.Telemetry;

namespace Platform.Edge.Apis;

/// <summary>The edge's OpenAI-compatible surface, plus <c>POST /v1/tags</c> to see what the edge would decide.</summary>
internal static class ChatApi
{
    public static IEndpointRouteBuilder MapEdgeApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/chat/completions", Chat);
        v1.MapPost("/tags", Tags);
        v1.MapGet("/models", Models);
        app.MapGet("/healthz", (EdgeOptions options) => Results.Json(new { status = "ok", zone = options.Zone }));
        return app;
    }

    internal static async Task Chat(HttpContext context, EdgeOptions options, ComplianceModel model, CallerIdentity identity, RequestTagger tagger, ZoneForwarder forwarder, ILogger<EdgeOptions> log)
    {
        using var span = EdgeTelemetry.StartRequest();
        var (request, error) = await EdgeRequest.ReadAsync(context, options, model, identity, tagger, log);
        if (request is null)
        {
            await error!.ExecuteAsync(context);
            EdgeTelemetry.Ended(span, context.Response);
            return;
        }

        EdgeTelemetry.Decided(span, request, options.Zone);
        await forwarder.ForwardAsync(context, request.Body, request.Decision, request.Tenant, request.RequestId, request.Chat.Model);
        EdgeTelemetry.Ended(span, context.Response);
    }

    internal static async Task<IResult> Tags(HttpContext context, EdgeOptions options, ComplianceModel model, CallerIdentity identity, RequestTagger tagger, ILogger<EdgeOptions> log)
    {
        var (request, error) = await EdgeRequest.ReadAsync(context, options, model, identity, tagger, log);
        if (request is null)
        {
            return error!;
        }

        var d = request.Decision;
        return Results.Json(new TagsResponse(
            d.Scan.Locale,
            d.DataClass.ToWire(),
            d.Scan.Findings.Select(f => new PiiSpan(f.Type, f.Value)).Distinct().ToArray(),
            d.Home.Zone,
            d.Home.Reason,
            d.ServingZones,
            d.LatencyBudgetMs,
            d.Tier.Tier,
            d.Tier.Reason));
    }

    internal static IResult Models(ComplianceModel model)
    {
        var created = DateTimeOffset.UnixEpoch.ToUnixTimeSeconds();
        var aliases = new[] { CostTierRule.Auto }.Concat(model.Tiers.Select(t => t.Alias))
            .Select(a => new ModelCard(a, "model", created, "platform"));
        var models = model.Models.Select(m => new ModelCard(m.Id, "model", created, "platform"));
        return Results.Json(new ModelList("list", aliases.Concat(models).ToArray()), ChatWire.Json);
    }

    internal sealed record PiiSpan([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("value")] string Value);

    internal sealed record TagsResponse(
        [property: JsonPropertyName("locale")] string Locale,
        [property: JsonPropertyName("pii_class")] string PiiClass,
        [property: JsonPropertyName("pii")] IReadOnlyList<PiiSpan> Pii,
        [property: JsonPropertyName("home_zone")] string HomeZone,
        [property: JsonPropertyName("home_zone_reason")] string HomeZoneReason,
        [property: JsonPropertyName("serving_zones")] IReadOnlyList<string> ServingZones,
        [property: JsonPropertyName("latency_budget_ms")] int LatencyBudgetMs,
        [property: JsonPropertyName("cost_tier")] int CostTier,
        [property: JsonPropertyName("cost_tier_reason")] string CostTierReason);
}
