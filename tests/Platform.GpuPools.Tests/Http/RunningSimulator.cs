using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.GpuPools.Simulator;
using Platform.GpuPools.Simulator.Faults;

namespace Platform.GpuPools.Tests.Http;

/// <summary>One simulator started in-process on a free loopback port, spoken to over real HTTP.</summary>
internal sealed class RunningSimulator : IAsyncDisposable
{
    public const string FastPool = "sgp-h100-fast-a"; // qwen3-8b, not a reasoning model
    public const string FastModel = "qwen3-8b";
    public const string ReasoningPool = "sgp-h100-reasoning-a"; // deepseek-r1-distill-qwen-32b
    public const string ReasoningModel = "deepseek-r1-distill-qwen-32b";

    private RunningSimulator(WebApplication app, Uri baseAddress)
    {
        App = app;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public PoolFaults Faults => App.Services.GetRequiredService<PoolFaults>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts a pool 50 times faster than real time, with a fixed fault seed, plus any extra configuration.</summary>
    public static async Task<RunningSimulator> StartAsync(string pool, params string[] configuration)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Simulator:Pool={pool}",
            "--Simulator:SpeedFactor=50",
            "--Simulator:Faults:Seed=7",
            "--Logging:LogLevel:Default=Warning",
            .. configuration,
        ];
        var app = SimulatorApp.Create(args);
        await app.StartAsync(Ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningSimulator(app, new Uri(address));
    }

    public static string ChatBody(string model, string prompt, bool stream = false, int? maxTokens = null, bool includeUsage = false)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }),
            ["stream"] = stream,
        };
        if (maxTokens is { } max)
        {
            body["max_tokens"] = max;
        }

        if (includeUsage)
        {
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return body.ToJsonString();
    }

    public Task<HttpResponseMessage> PostChatAsync(string body, CancellationToken cancellationToken = default) =>
        Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken == default ? Ct : cancellationToken);

    public async Task<JsonNode> CompleteAsync(string body)
    {
        using var response = await PostChatAsync(body);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    public async Task<Scrape> ScrapeAsync()
    {
        using var response = await Client.GetAsync("/metrics", Ct);
        response.EnsureSuccessStatusCode();
        return Scrape.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds; the pool's state changes asynchronously to the client.</summary>
    public async Task<Scrape> ScrapeUntilAsync(Func<Scrape, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var scrape = await ScrapeAsync();
            if (condition(scrape))
            {
                return scrape;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task<JsonNode> PutFaultsAsync(object faults)
    {
        using var response = await Client.PutAsJsonAsync("/admin/faults", faults, Ct);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
