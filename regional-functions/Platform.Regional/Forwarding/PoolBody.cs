using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Regional.Forwarding;

/// <summary>The client's body as a pool must receive it: every field kept, only the model and usage reporting changed.</summary>
internal static class PoolBody
{
    /// <summary>The pool's body, and whether the client itself asked for the usage chunk (else it is kept from the client).</summary>
    public static (byte[] Body, bool ClientWantsUsage) For(ReadOnlyMemory<byte> clientBody, string poolModelId, bool stream)
    {
        // ChatRequest.Parse has already accepted the body, so it is a JSON object.
        var body = JsonNode.Parse(clientBody.Span)!.AsObject();

        // vLLM serves a model under its catalogue id, whatever alias the client used.
        body["model"] = poolModelId;
        var clientWantsUsage = false;
        if (stream)
        {
            // Without this a streamed answer carries no token counts, and the trace and the bill need them.
            var options = body["stream_options"] as JsonObject ?? [];
            clientWantsUsage = options["include_usage"] is JsonValue v && v.TryGetValue<bool>(out var asked) && asked;
            options["include_usage"] = true;
            body["stream_options"] = options;
        }

        return (JsonSerializer.SerializeToUtf8Bytes(body), clientWantsUsage);
    }
}
