using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Traces;

/// <summary>How a stored trace is serialised: the same bytes on local disk and in S3.</summary>
public static class TraceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
