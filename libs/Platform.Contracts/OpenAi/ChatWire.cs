using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Contracts.OpenAi;

/// <summary>The chat-completions wire format as vLLM and DeepSeek speak it, including <c>reasoning_content</c>.</summary>
public static class ChatWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record ChatCompletion(
    string Id,
    string Object,
    long Created,
    string Model,
    IReadOnlyList<ChatChoice> Choices,
    Usage? Usage);

public sealed record ChatChoice(int Index, ChatMessage? Message, ChatMessage? Delta, string? FinishReason);

public sealed record ChatMessage(string? Role, string? Content, string? ReasoningContent);

public sealed record Usage(int PromptTokens, int CompletionTokens, int TotalTokens, CompletionTokensDetails? CompletionTokensDetails)
{
    [JsonIgnore]
    public int ReasoningTokens => CompletionTokensDetails?.ReasoningTokens ?? 0;

    /// <summary>Prompt tokens served from the prefix cache (billed at the cached-input price), when the pool reports them.</summary>
    public PromptTokensDetails? PromptTokensDetails { get; init; }
}

public sealed record CompletionTokensDetails(int ReasoningTokens);

public sealed record PromptTokensDetails(int CachedTokens);

public sealed record ModelList(string Object, IReadOnlyList<ModelCard> Data);

public sealed record ModelCard(string Id, string Object, long Created, string OwnedBy);
