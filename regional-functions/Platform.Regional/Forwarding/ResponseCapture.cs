using System.Text;
using System.Text.Json;
using Platform.Contracts.OpenAi;

namespace Platform.Regional.Forwarding;

/// <summary>What the trace keeps of an answer: reasoning, content, usage and finish reason, read from chunks or a whole completion.</summary>
internal sealed class ResponseCapture
{
    private readonly StringBuilder _reasoning = new();
    private readonly StringBuilder _content = new();

    public Usage? Usage { get; private set; }
    public string? FinishReason { get; private set; }
    public bool HasToken { get; private set; }

    public string? Reasoning => _reasoning.Length > 0 ? _reasoning.ToString() : null;
    public string? Content => _content.Length > 0 ? _content.ToString() : null;

    /// <summary>
    /// Reads one streamed chunk: whether it is the first carrying a token (time to first token), and whether it
    /// carries only usage (the chunk with no choices that <c>include_usage</c> adds at the end).
    /// </summary>
    public (bool FirstToken, bool UsageOnly) AddChunk(string payload)
    {
        var hadToken = HasToken;
        var usageOnly = false;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            Read(root, "delta");
            usageOnly = root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 0;
        }
        catch (JsonException)
        {
            // Relayed as is; an odd chunk only loses its part of the trace.
        }

        return (!hadToken && HasToken, usageOnly);
    }

    public void AddCompletion(ReadOnlySpan<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            Read(doc.RootElement, "message");
        }
        catch (JsonException)
        {
        }
    }

    private void Read(JsonElement root, string part)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            Usage = usage.Deserialize<Usage>(ChatWire.Json);
        }

        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        // The trace follows the first choice; n > 1 is rare and its other choices reach the client untouched.
        foreach (var choice in choices.EnumerateArray().Take(1))
        {
            if (choice.TryGetProperty(part, out var message) && message.ValueKind == JsonValueKind.Object)
            {
                // vLLM names it reasoning_content; newer builds also send reasoning.
                Append(_reasoning, message, "reasoning_content", "reasoning");
                Append(_content, message, "content");
            }

            if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String)
            {
                FinishReason = finish.GetString();
            }
        }
    }

    private void Append(StringBuilder target, JsonElement message, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                target.Append(text);
                HasToken = true;
                return;
            }
        }
    }
}
