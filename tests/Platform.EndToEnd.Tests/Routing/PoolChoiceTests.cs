using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.GpuPools.Simulator.Faults;
using Platform.Local;

namespace Platform.EndToEnd.Tests.Routing;

/// <summary>
/// The whole platform with short health windows and breaks, so pools can be ejected and re-admitted within a test.
/// Its own instance: these tests change pool faults and leave circuits open for a while.
/// </summary>
public sealed class PoolChoiceFixture : IAsyncLifetime
{
    public const int MinimumThroughput = 4;
    public static readonly TimeSpan Break = TimeSpan.FromSeconds(3);

    private readonly PlatformFixture _platform = new(app => app.StartsWith("regional:", StringComparison.Ordinal)
        ?
        [
            $"--Regional:Health:MinimumThroughput={MinimumThroughput}",
            "--Regional:Health:WindowSeconds=30",
            $"--Regional:Health:BreakSeconds={Break.TotalSeconds}",
            "--Regional:MetricsScrapeInterval=00:00:00.200",
        ]
        : []);

    public LocalPlatform Platform => _platform.Platform;

    public ValueTask InitializeAsync() => _platform.InitializeAsync();

    public ValueTask DisposeAsync() => _platform.DisposeAsync();

    public PoolFaults Faults(string pool) => Platform.Pools[pool].App.Services.GetRequiredService<PoolFaults>();
}

/// <summary>Which pool of a tier serves, as a client and an operator see it: response headers, traces and <c>/healthz</c>.</summary>
public sealed class PoolChoiceTests(PoolChoiceFixture fx) : IClassFixture<PoolChoiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each test uses its own pair of pools (tier and zone), so one test's open circuit never decides another's.
    [Fact]
    public async Task SlowPool_LosesTrafficToTheFastOne()
    {
        const string slow = "sgp-h100-fast-a", fast = "sgp-h100-fast-b";
        fx.Faults(slow).SetExtraLatencyMs(400);
        try
        {
            using var http = new HttpClient();
            var served = new List<string>();
            for (var round = 0; round < 5; round++)
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => SendAsync(http, "SG", "fast", stream: true, $"Name a colour, round {round} call {i}.")));
                served.AddRange(answers.Select(a => a.Pool!));
            }

            served.ShouldAllBe(p => p == slow || p == fast);
            served.Count(p => p == fast).ShouldBeGreaterThanOrEqualTo(served.Count * 3 / 4, $"served: {string.Join(", ", served)}");
        }
        finally
        {
            fx.Faults(slow).Clear();
        }
    }

    [Fact]
    public async Task FailingPool_IsEjected_ThenReadmittedAfterItRecoversAndTheBreakElapses()
    {
        const string failing = "sgp-h100-reasoning-a", healthy = "sgp-h200-reasoning-b";
        using var http = new HttpClient();
        fx.Faults(failing).SetErrorRate(1.0);
        try
        {
            // Until the circuit opens the failing pool is still tried (and fails over); after, it is not tried at all.
            var attemptsOnFailing = 0;
            for (var i = 0; i < 12; i++)
            {
                var answer = await SendAsync(http, "SG", "reasoning", stream: false, $"Count to {i}.");
                answer.Pool.ShouldBe(healthy);
                var attempts = await AttemptsAsync("sgp", answer.RequestId);
                if (i >= 8)
                {
                    attempts.ShouldBe([(healthy, "ok")], "the failing pool is ejected");
                }

                attemptsOnFailing += attempts.Count(a => a.Pool == failing);
            }

            attemptsOnFailing.ShouldBeLessThanOrEqualTo(PoolChoiceFixture.MinimumThroughput + 1);
            (await CircuitAsync(http, "sgp", failing)).ShouldBe("open");
        }
        finally
        {
            fx.Faults(failing).Clear();
        }

        await Task.Delay(PoolChoiceFixture.Break + TimeSpan.FromMilliseconds(500), Ct);
        var readmitted = false;
        for (var i = 0; i < 10 && !readmitted; i++)
        {
            readmitted = (await SendAsync(http, "SG", "reasoning", stream: false, $"Say yes {i}.")).Pool == failing;
        }

        readmitted.ShouldBeTrue("after the break one probe goes to the recovered pool, and it succeeds");
        (await CircuitAsync(http, "sgp", failing)).ShouldBe("closed");
    }

    [Fact]
    public async Task PoolThatHangs_IsHedgedToTheOtherPool_AndTheRequestIsBilledOnce()
    {
        const string hanging = "fra-h100-fast-a", other = "fra-h100-fast-b";
        fx.Faults(hanging).SetHang(true);
        var abortsBefore = await AbortsAsync(hanging);
        try
        {
            using var http = new HttpClient();
            string? requestId = null;

            // The first pool of the pair is tried first while loads are equal; retry in case a scrape made the other one first.
            for (var i = 0; i < 5; i++)
            {
                var answer = await SendAsync(http, "DE", "fast", stream: true, $"Tell me a fact about rivers, take {i}.");
                answer.Pool.ShouldBe(other);
                var attempts = await AttemptsAsync("fra", answer.RequestId);
                if (attempts.Any(a => a.Pool == hanging))
                {
                    attempts.ShouldBe([(hanging, "hedge_lost"), (other, "ok")]);
                    requestId = answer.RequestId;
                    break;
                }
            }

            requestId.ShouldNotBeNull("a request was hedged");
            var trace = await TraceAsync("fra", requestId);
            trace.GetProperty("usage").GetProperty("total_tokens").GetInt32().ShouldBeGreaterThan(0, "the winner's usage is billed");
            trace.GetProperty("attempts")[0].TryGetProperty("time_to_first_byte_ms", out _).ShouldBeFalse("the loser produced nothing");

            // The hanging pool saw its client go away: it counts the request as aborted.
            for (var i = 0; i < 100 && await AbortsAsync(hanging) == abortsBefore; i++)
            {
                await Task.Delay(50, Ct);
            }

            (await AbortsAsync(hanging)).ShouldBeGreaterThan(abortsBefore);
        }
        finally
        {
            fx.Faults(hanging).Clear();
        }
    }

    private async Task<(string? Pool, string RequestId)> SendAsync(HttpClient http, string country, string model, bool stream, string prompt)
    {
        var body = JsonSerializer.Serialize(new { model, stream, messages = new[] { new { role = "user", content = prompt } } });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fx.Platform.EdgeUrl, "v1/chat/completions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-e2e");
        request.Headers.Add("X-Client-Country", country);
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        if (stream)
        {
            text.ShouldContain("data: [DONE]");
        }

        return (response.Headers.TryGetValues("X-Platform-Pool", out var pool) ? pool.Single() : null, response.Headers.GetValues("X-Request-Id").Single());
    }

    private async Task<JsonElement> TraceAsync(string zone, string requestId)
    {
        for (var i = 0; i < 200; i++)
        {
            var dir = fx.Platform.TraceDirectory(zone);
            var file = Directory.Exists(dir)
                ? Directory.GetFiles(dir, requestId + ".json", SearchOption.AllDirectories).FirstOrDefault(f => f.Contains("traces", StringComparison.Ordinal))
                : null;
            if (file is not null)
            {
                try
                {
                    var root = JsonDocument.Parse(await File.ReadAllTextAsync(file, Ct)).RootElement;
                    return root.TryGetProperty("trace", out var trace) ? trace : root;
                }
                catch (Exception e) when (e is JsonException or IOException)
                {
                    // Still being written.
                }
            }

            await Task.Delay(50, Ct);
        }

        throw new InvalidOperationException($"No trace of {requestId} in zone {zone}.");
    }

    private async Task<(string Pool, string Outcome)[]> AttemptsAsync(string zone, string requestId) =>
        (await TraceAsync(zone, requestId)).GetProperty("attempts").EnumerateArray()
            .Select(a => (a.GetProperty("pool").GetString()!, a.GetProperty("outcome").GetString()!)).ToArray();

    private async Task<string> CircuitAsync(HttpClient http, string zone, string pool)
    {
        var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(fx.Platform.RegionalUrls[zone], "healthz"), Ct)).RootElement;
        return health.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("id").GetString() == pool).GetProperty("circuit").GetString()!;
    }

    /// <summary>Requests the pool counted as aborted (its client went away), from its vLLM metrics.</summary>
    private async Task<double> AbortsAsync(string pool)
    {
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(fx.Platform.Pools[pool].Url, "metrics"), Ct);
        var line = metrics.Split('\n').Single(l => l.StartsWith("vllm:request_success_total", StringComparison.Ordinal) && l.Contains("finished_reason=\"abort\"", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
