using System.Text.Json;

namespace Platform.Traces.Expiry;

/// <summary>What an EventBridge schedule delivers (through the Lambda Web Adapter's pass-through path).</summary>
internal static class ScheduledEvent
{
    public const string Source = "aws.events";
    public const string DetailType = "Scheduled Event";

    public static bool Is(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String && source.ValueEquals(Source)
        && body.TryGetProperty("detail-type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals(DetailType);
}
