using System.Text.Json;

namespace Platform.GpuPools.Simulator.Serving;

/// <summary>Reads <c>stream_options.include_usage</c>, which ChatRequest does not carry because only the server needs it.</summary>
internal static class StreamOptions
{
    public static bool IncludeUsage(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("stream_options", out var options)
            && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("include_usage", out var include)
            && include.ValueKind == JsonValueKind.True;
    }
}
