using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Replay;

/// <summary>One line of a traffic file: a chat request as a client in <see cref="Country"/> would send it, <see cref="Repeat"/> times.</summary>
internal sealed record ReplayLine(string Model, string Country, bool Stream, JsonArray Messages, int? MaxTokens, int Repeat)
{
    /// <summary>The lines of a JSONL file; every bad line is reported with its number, all at once.</summary>
    public static IReadOnlyList<ReplayLine> ParseAll(IEnumerable<string> lines)
    {
        var parsed = new List<ReplayLine>();
        var errors = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (entry, error) = Parse(line);
            if (entry is null)
            {
                errors.Add($"line {number}: {error}");
            }
            else
            {
                parsed.Add(entry);
            }
        }

        return errors.Count == 0 ? parsed : throw new FormatException(string.Join(Environment.NewLine, errors));
    }

    public static (ReplayLine? Line, string? Error) Parse(string json)
    {
        JsonObject o;
        try
        {
            o = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return (null, "not a JSON object (" + e.Message + ")");
        }

        var model = o["model"]?.GetValue<string>();
        var country = o["country"]?.GetValue<string>();
        if (string.IsNullOrEmpty(model) || country is not { Length: 2 })
        {
            return (null, "needs \"model\" and a two-letter \"country\".");
        }

        JsonArray messages;
        if (o["messages"] is JsonArray m && m.Count > 0)
        {
            messages = (JsonArray)m.DeepClone();
        }
        else if (o["prompt"]?.GetValue<string>() is { Length: > 0 } prompt)
        {
            messages = [new JsonObject { ["role"] = "user", ["content"] = prompt }];
        }
        else
        {
            return (null, "needs \"messages\" (non-empty array) or \"prompt\".");
        }

        var repeat = o["repeat"]?.GetValue<int>() ?? 1;
        if (repeat is < 1 or > 10_000)
        {
            return (null, "\"repeat\" must be 1 to 10000.");
        }

        return (new ReplayLine(model, country.ToUpperInvariant(), o["stream"]?.GetValue<bool>() ?? false, messages, o["max_tokens"]?.GetValue<int>(), repeat), null);
    }

    /// <summary>The OpenAI request body; streamed requests ask for the final usage chunk so their tokens can be counted.</summary>
    public byte[] Body()
    {
        var body = new JsonObject { ["model"] = Model, ["messages"] = Messages.DeepClone(), ["stream"] = Stream };
        if (MaxTokens is { } max)
        {
            body["max_tokens"] = max;
        }

        if (Stream)
        {
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
