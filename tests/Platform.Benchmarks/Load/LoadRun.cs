using System.Diagnostics;
using Platform.Contracts.Statistics;

namespace Platform.Benchmarks.Load;

/// <summary>Latencies of one target at one fixed rate: time to the first body byte and to the last, per request.</summary>
internal sealed record LoadSample(string Target, bool Stream, int Sent, int Failed, double[] FirstByteMs, double[] TotalMs)
{
    public double P(double[] sorted, double p) => Percentile.NearestRank(sorted, p) ?? double.NaN;
}

/// <summary>
/// An open-loop run: request i starts at i/rate seconds whatever the earlier ones are doing (as independent clients
/// arrive), so a slow gateway shows as latency instead of as a lower rate.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadSample> RunAsync(HttpClient http, LoadTarget target, bool stream, double rate, TimeSpan duration, CancellationToken ct)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var tasks = new List<Task<(double FirstByte, double Total)?>>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            tasks.Add(OneAsync(http, target, stream, ct));
        }

        var results = await Task.WhenAll(tasks);
        var ok = results.Where(r => r is not null).Select(r => r!.Value).ToArray();
        return new LoadSample(target.Name, stream, count, count - ok.Length,
            ok.Select(r => r.FirstByte).Order().ToArray(), ok.Select(r => r.Total).Order().ToArray());
    }

    private static async Task<(double, double)?> OneAsync(HttpClient http, LoadTarget target, bool stream, CancellationToken ct)
    {
        using var request = target.Request(stream);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[8192];
            var read = await body.ReadAsync(buffer, ct);
            var firstByte = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            while (read > 0)
            {
                read = await body.ReadAsync(buffer, ct);
            }

            return response.IsSuccessStatusCode ? (firstByte, Stopwatch.GetElapsedTime(started).TotalMilliseconds) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
