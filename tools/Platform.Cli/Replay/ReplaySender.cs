using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;

namespace Platform.Cli.Replay;

/// <summary>Sends a traffic mix to an edge with bounded concurrency, as client apps in each line's country would.</summary>
internal static class ReplaySender
{
    public static async Task<IReadOnlyList<ReplayCall>> SendAsync(HttpClient http, Uri edge, IReadOnlyList<ReplayLine> lines, int concurrency, IProgress<int>? progress, CancellationToken ct)
    {
        var work = lines.SelectMany(l => Enumerable.Repeat(l, l.Repeat)).ToArray();
        var calls = new ReplayCall[work.Length];
        var done = 0;
        await Parallel.ForAsync(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (i, token) =>
        {
            calls[i] = await SendOneAsync(http, edge, work[i], token);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return calls;
    }

    private static async Task<ReplayCall> SendOneAsync(HttpClient http, Uri edge, ReplayLine line, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(edge, "v1/chat/completions")) { Content = new ByteArrayContent(line.Body()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-replay");
        request.Headers.Add("X-Client-Country", line.Country);

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var status = (int)response.StatusCode;
        var zone = Header(response, "X-Platform-Served-Zone");
        var pool = Header(response, "X-Platform-Pool");
        var cost = decimal.TryParse(Header(response, InternalHeaders.CostUsd), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : (decimal?)null;

        UsageSeen? usage = null;
        if (line.Stream && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            await foreach (var payload in SseReader.ReadDataAsync(await response.Content.ReadAsStreamAsync(ct), ct))
            {
                if (payload != SseReader.Done)
                {
                    usage = UsageIn(payload) ?? usage;
                }
            }
        }
        else
        {
            usage = UsageIn(await response.Content.ReadAsStringAsync(ct));
        }

        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new ReplayCall(status, zone, pool, usage?.Input ?? 0, usage?.Output ?? 0, usage?.Reasoning ?? 0, cost ?? usage?.CostUsd, latency);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record UsageSeen(int Input, int Output, int Reasoning, decimal? CostUsd);

    private static UsageSeen? UsageIn(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("usage", out var u) || u.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var reasoning = u.TryGetProperty("completion_tokens_details", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("reasoning_tokens", out var r) ? r.GetInt32() : 0;
            // The regional function stamps a streamed answer's cost on its usage chunk, next to "usage" (headers are gone by then).
            decimal? cost = doc.RootElement.TryGetProperty("platform_cost_usd", out var pc) && pc.ValueKind == JsonValueKind.Number ? pc.GetDecimal() : null;
            return new UsageSeen(u.GetProperty("prompt_tokens").GetInt32(), u.GetProperty("completion_tokens").GetInt32(), reasoning, cost);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
