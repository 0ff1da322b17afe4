using System.Text.Json.Serialization;
using Platform.Compliance;

namespace Platform.Contracts.Tags;

/// <summary>
/// What the edge decided about one request, signed for the zone that serves it. Carries PII type
/// names only, never a value, because it is logged, traced and stored.
/// </summary>
public sealed record RequestTags
{
    [JsonPropertyName("request_id")] public required string RequestId { get; init; }
    [JsonPropertyName("tenant")] public required string Tenant { get; init; }
    [JsonPropertyName("locale")] public required string Locale { get; init; }
    [JsonPropertyName("pii_class")] public required DataClass DataClass { get; init; }
    [JsonPropertyName("pii_types")] public required IReadOnlyList<string> PiiTypes { get; init; }
    [JsonPropertyName("home_zone")] public required string HomeZone { get; init; }
    [JsonPropertyName("serving_zone")] public required string ServingZone { get; init; }
    [JsonPropertyName("latency_budget_ms")] public required int LatencyBudgetMs { get; init; }
    [JsonPropertyName("cost_tier")] public required int CostTier { get; init; }
    [JsonPropertyName("max_tier")] public required int MaxTier { get; init; }
    /// <summary>The model the client asked for: an alias (auto, fast …) or a catalogue model.</summary>
    [JsonPropertyName("requested_model")] public required string RequestedModel { get; init; }
}
