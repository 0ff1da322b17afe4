using System.Text.Json.Nodes;
using Platform.Contracts.OpenAi;

namespace Platform.GpuPools.Tests.Http;

/// <summary>The data payloads of one streamed response, and whether the connection broke before it ended.</summary>
internal sealed record SseEvents(IReadOnlyList<string> Payloads, bool Broken)
{
    public bool EndsWithDone => Payloads.Count > 0 && Payloads[^1] == SseReader.Done;

    /// <summary>Every chunk (all payloads but [DONE]) as JSON.</summary>
    public IReadOnlyList<JsonNode> Chunks => Payloads.Where(p => p != SseReader.Done).Select(p => JsonNode.Parse(p)!).ToArray();

    /// <summary>Chunks carrying a token: a non-empty content or reasoning_content delta.</summary>
    public IReadOnlyList<JsonNode> TokenChunks => Chunks
        .Where(c => c["choices"]!.AsArray().Count > 0)
        .Where(c => !string.IsNullOrEmpty((string?)c["choices"]![0]!["delta"]!["content"]) || c["choices"]![0]!["delta"]!["reasoning_content"] is not null)
        .ToArray();

    public string Content => string.Concat(TokenChunks.Select(c => (string?)c["choices"]![0]!["delta"]!["content"]));

    public string Reasoning => string.Concat(TokenChunks.Select(c => (string?)c["choices"]![0]!["delta"]!["reasoning_content"]));

    public static async Task<SseEvents> ReadAsync(HttpResponseMessage response)
    {
        var payloads = new List<string>();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            await foreach (var payload in SseReader.ReadDataAsync(stream, TestContext.Current.CancellationToken))
            {
                payloads.Add(payload);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return new SseEvents(payloads, Broken: true);
        }

        return new SseEvents(payloads, Broken: false);
    }
}
