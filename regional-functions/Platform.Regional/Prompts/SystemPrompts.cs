using System.Text.Json.Nodes;

namespace Platform.Regional.Prompts;

/// <summary>
/// Puts a zone's system prompt for the request's locale in front of the conversation. When the client sent its own
/// system message first, the zone's prompt is prepended to it (one system message, the client's instructions after
/// ours, which is what chat templates that accept a single system message need); otherwise it becomes a new first message.
/// </summary>
internal static class SystemPrompts
{
    public static void Apply(JsonObject body, string prompt)
    {
        if (body["messages"] is not JsonArray messages)
        {
            return;
        }

        if (messages.Count > 0 && messages[0] is JsonObject first && (string?)first["role"] == "system" && first["content"] is JsonValue v && v.TryGetValue<string>(out var own))
        {
            first["content"] = prompt + "\n\n" + own;
            return;
        }

        messages.Insert(0, new JsonObject { ["role"] = "system", ["content"] = prompt });
    }
}
