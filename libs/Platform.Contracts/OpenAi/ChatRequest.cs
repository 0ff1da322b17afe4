using System.Text;
using System.Text.Json;

namespace Platform.Contracts.OpenAi;

/// <summary>
/// The fields of a chat-completions request the platform decides on, read without touching the rest,
/// so the body can be forwarded exactly as the client sent it.
/// </summary>
public sealed record ChatRequest(string Model, bool Stream, int? MaxTokens, IReadOnlyList<(string Role, string Text)> Messages)
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>All message text, in order; what the edge classifies.</summary>
    public string AllText()
    {
        var sb = new StringBuilder();
        foreach (var (_, text) in Messages)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(text);
        }

        return sb.ToString();
    }

    /// <summary>Parses a body; on failure returns the OpenAI-style message and the offending parameter.</summary>
    public static (ChatRequest? Request, string? Error, string? Param) Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.", null);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object.", null);
            }

            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || model.GetString() is not { Length: > 0 } modelName)
            {
                return (null, "'model' is required and must be a non-empty string.", "model");
            }

            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                return (null, "'messages' is required and must be an array.", "messages");
            }

            if (messages.GetArrayLength() == 0)
            {
                return (null, "'messages' must contain at least one message.", "messages");
            }

            var list = new List<(string, string)>();
            var i = 0;
            foreach (var m in messages.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.Object || !m.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
                {
                    return (null, $"'messages[{i}]' must be an object with a string 'role'.", $"messages[{i}]");
                }

                var text = m.TryGetProperty("content", out var content) ? ContentText(content) : null;
                if (text is null)
                {
                    return (null, $"'messages[{i}].content' must be a string or an array of content parts.", $"messages[{i}].content");
                }

                list.Add((role.GetString()!, text));
                i++;
            }

            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            int? maxTokens = null;
            foreach (var name in (ReadOnlySpan<string>)["max_completion_tokens", "max_tokens"])
            {
                if (root.TryGetProperty(name, out var mt) && mt.ValueKind != JsonValueKind.Null)
                {
                    if (mt.ValueKind != JsonValueKind.Number || !mt.TryGetInt32(out var n) || n < 1)
                    {
                        return (null, $"'{name}' must be a positive integer.", name);
                    }

                    maxTokens ??= n;
                }
            }

            return (new ChatRequest(modelName, stream, maxTokens, list), null, null);
        }
    }

    private static string? ContentText(JsonElement content)
    {
        switch (content.ValueKind)
        {
            case JsonValueKind.String:
                return content.GetString();
            case JsonValueKind.Null:
                return ""; // assistant turns with tool calls carry no content
            case JsonValueKind.Array:
                var sb = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                    {
                        sb.Append(t.GetString()).Append('\n');
                    }
                }

                return sb.ToString();
            default:
                return null;
        }
    }
}
