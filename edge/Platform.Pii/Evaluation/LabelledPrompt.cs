using System.Text.Json.Serialization;

namespace Platform.Pii.Evaluation;

/// <summary>One row of the shared PII data set (shared/pii/README.md, "Record schema").</summary>
public sealed record LabelledPrompt(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("pii")] IReadOnlyList<LabelledSpan> Pii,
    [property: JsonPropertyName("expected_class")] string ExpectedClass,
    [property: JsonPropertyName("decoys")] IReadOnlyList<LabelledSpan>? Decoys = null,
    [property: JsonPropertyName("org_ids")] IReadOnlyList<LabelledSpan>? OrgIds = null);

/// <summary>A typed value that occurs verbatim in the prompt text.</summary>
public sealed record LabelledSpan(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
