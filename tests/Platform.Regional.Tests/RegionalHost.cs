using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Compliance;
using Platform.Contracts.Tags;
using Platform.Traces;

namespace Platform.Regional.Tests;

/// <summary>A real regional function on 127.0.0.1:0, with the edge's signing done by the test.</summary>
internal sealed class RegionalHost : IAsyncDisposable
{
    public static readonly byte[] SgpKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    public static readonly byte[] FraKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    private readonly WebApplication _app;

    private RegionalHost(WebApplication app, string zone, byte[] key, string traceRoot)
    {
        _app = app;
        Zone = zone;
        Key = key;
        TraceRoot = traceRoot;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public string Zone { get; }
    public byte[] Key { get; }
    public string TraceRoot { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public ITraceStore Traces => _app.Services.GetRequiredService<ITraceStore>();

    /// <summary>Starts the zone's function with these pool endpoints (pool id → base URL).</summary>
    public static async Task<RegionalHost> StartAsync(string zone, IReadOnlyDictionary<string, string> pools, params string[] extra)
    {
        var key = zone == "fra" ? FraKey : SgpKey;
        var traceRoot = Path.Combine(Path.GetTempPath(), "regional-test-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Regional:Zone={zone}",
            $"--Regional:SigningKey={Convert.ToBase64String(key)}",
            $"--Regional:Traces:Directory={traceRoot}",
            "--Regional:MetricsScrapeInterval=01:00:00",
            "--Regional:FirstByteTimeout=00:00:02",
            "--Logging:LogLevel:Default=Warning",
            .. pools.Select(p => $"--Regional:Pools:{p.Key}:Endpoint={p.Value}"),
            .. extra,
        ];
        var app = RegionalApp.Create(args);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RegionalHost(app, zone, key, traceRoot);
    }

    public static RequestTags Tags(
        string zone = "sgp", string model = "fast", int costTier = 0, int maxTier = 3, string? home = null, DataClass dataClass = DataClass.None, int latencyBudgetMs = 1000) => new()
        {
            RequestId = "req-" + Guid.NewGuid().ToString("N"),
            Tenant = "acme",
            Locale = "en-SG",
            DataClass = dataClass,
            PiiTypes = dataClass == DataClass.None ? [] : ["email"],
            HomeZone = home ?? zone,
            ServingZone = zone,
            LatencyBudgetMs = latencyBudgetMs,
            CostTier = costTier,
            MaxTier = maxTier,
            RequestedModel = model,
        };

    public static string ChatBody(string model = "fast", bool stream = false) =>
        $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Say hello"}]}""";

    /// <summary>A request as the edge sends it: the body untouched plus the signed tag headers.</summary>
    public HttpRequestMessage Signed(RequestTags tags, string body, byte[]? key = null, DateTimeOffset? at = null, string? sentBody = null)
    {
        var signed = TagSigner.Sign(tags, Encoding.UTF8.GetBytes(body), key ?? Key, at ?? DateTimeOffset.UtcNow);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(sentBody ?? body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(InternalHeaders.Tags, signed.Tags);
        request.Headers.Add(InternalHeaders.Timestamp, signed.Timestamp);
        request.Headers.Add(InternalHeaders.BodySha256, signed.BodySha256);
        request.Headers.Add(InternalHeaders.Signature, signed.Signature);
        return request;
    }

    /// <summary>Waits for the background writer to store the request's trace; traces are written off the response path.</summary>
    public async Task<StoredTrace> TraceOfAsync(string requestId)
    {
        for (var i = 0; i < 200; i++)
        {
            await foreach (var t in Traces.ListAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), TestContext.Current.CancellationToken))
            {
                if (t.Trace.RequestId == requestId)
                {
                    return t;
                }
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException($"No trace of {requestId} was written.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        if (Directory.Exists(TraceRoot))
        {
            Directory.Delete(TraceRoot, recursive: true);
        }
    }
}
