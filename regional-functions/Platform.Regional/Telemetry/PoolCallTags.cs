using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;

namespace Platform.Regional.Telemetry;

/// <summary>
/// The attributes of a pool call, as pure functions of facts the function already has (tags, pool, usage), so they can
/// be checked without a server. Only ids, zones, class and PII type names, and numbers: nothing here reads prompt or answer text.
/// </summary>
internal static class PoolCallTags
{
    public const string OperationName = "chat";

    public static IEnumerable<KeyValuePair<string, object?>> Start(RequestTags tags, ChatRequest request, Pool pool, string? routeReason, int tierPromotions)
    {
        yield return new("gen_ai.operation.name", OperationName);
        yield return new("gen_ai.provider.name", pool.Accelerator.Runtime);
        yield return new("gen_ai.request.model", pool.Model.Id);
        yield return new("gen_ai.request.stream", request.Stream);
        if (request.MaxTokens is { } max)
        {
            yield return new("gen_ai.request.max_tokens", max);
        }

        yield return new("platform.request_id", tags.RequestId);
        yield return new("platform.requested_model", tags.RequestedModel);
        yield return new("platform.zone", tags.ServingZone);
        yield return new("platform.home_zone", tags.HomeZone);
        yield return new("platform.data_class", tags.DataClass.ToWire());
        yield return new("platform.pii_types", tags.PiiTypes.ToArray());
        yield return new("platform.locale", tags.Locale);
        yield return new("platform.cost_tier", tags.CostTier);
        yield return new("platform.pool", pool.Id);
        yield return new("platform.pool.tier", pool.Tier);
        yield return new("platform.accelerator", pool.Accelerator.Id);
        yield return new("platform.route.reason", routeReason);
        yield return new("platform.route.tier_promotions", tierPromotions);
        yield return new("platform.price.input_usd_per_million", (double)pool.Price.Input);
        yield return new("platform.price.output_usd_per_million", (double)pool.Price.Output);
    }

    public static (IReadOnlyList<KeyValuePair<string, object?>> SpanTags, decimal CostUsd) End(Pool pool, bool stream, PoolCallEnd end)
    {
        var tags = new List<KeyValuePair<string, object?>>
        {
            new("platform.outcome", end.Outcome),
        };
        if (end.Outcome != Forwarding.Outcomes.Ok)
        {
            tags.Add(new("error.type", end.Outcome));
        }

        var cost = 0m;
        if (end.Usage is { } usage)
        {
            cost = pool.Price.Cost(usage.PromptTokens, 0, usage.CompletionTokens);
            tags.Add(new("gen_ai.response.model", pool.Model.Id));
            tags.Add(new("gen_ai.usage.input_tokens", usage.PromptTokens));
            tags.Add(new("gen_ai.usage.output_tokens", usage.CompletionTokens));
            tags.Add(new("gen_ai.usage.reasoning.output_tokens", usage.ReasoningTokens));
            tags.Add(new("platform.cost_usd", (double)cost));
        }

        if (end.FinishReason is { } finish)
        {
            tags.Add(new("gen_ai.response.finish_reasons", new[] { finish }));
        }

        // gen-ai-spans.md: gen_ai.response.time_to_first_chunk, in seconds, for streamed responses.
        if (stream && end.FirstChunk is { } first)
        {
            tags.Add(new("gen_ai.response.time_to_first_chunk", first.TotalSeconds));
        }

        return (tags, cost);
    }

    /// <summary>Metric dimensions: low-cardinality names only (no request id, no PII types).</summary>
    public static KeyValuePair<string, object?>[] MetricTags(RequestTags tags, Pool pool, string outcome)
    {
        var list = new List<KeyValuePair<string, object?>>
        {
            new("gen_ai.operation.name", OperationName),
            new("gen_ai.provider.name", pool.Accelerator.Runtime),
            new("gen_ai.request.model", pool.Model.Id),
            new("platform.zone", pool.Zone),
            new("platform.cost_tier", pool.Tier),
            new("platform.data_class", tags.DataClass.ToWire()),
        };
        if (outcome != Forwarding.Outcomes.Ok)
        {
            list.Add(new("error.type", outcome));
        }

        return [.. list];
    }
}
