using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;
using Platform.Local;

namespace Platform.EndToEnd.Tests;

/// <summary>The whole platform on loopback (simulated pools, three regional functions, the edge), shared by a test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private readonly Func<string, IEnumerable<string>> _extraArgs;

    public PlatformFixture()
        : this(_ => [])
    {
    }

    /// <summary>With extra configuration per app ("edge", "regional:sgp", …), e.g. an OTLP endpoint.</summary>
    internal PlatformFixture(Func<string, IEnumerable<string>> extraArgs) => _extraArgs = extraArgs;

    public LocalPlatform Platform { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-e2e-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync() =>
        Platform = await LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            EdgePort = 0,
            DataDirectory = DataDirectory,
            SimulatorSpeedFactor = 50,
            PlatformLogLevel = "Warning",
            ExtraArgs = _extraArgs,
        });

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>The official OpenAI client pointed at the edge, as a client app would use it, from a given country.</summary>
    public (ChatClient Client, ResponseHeaders Headers) Client(string model = "auto", string? country = null, string apiKey = "sk-e2e")
    {
        var headers = new ResponseHeaders(country);
        var options = new OpenAIClientOptions { Endpoint = new Uri(Platform.EdgeUrl, "v1"), NetworkTimeout = TimeSpan.FromSeconds(30) };
        options.AddPolicy(headers, PipelinePosition.PerCall);
        return (new ChatClient(model, new ApiKeyCredential(apiKey), options), headers);
    }

    /// <summary>Every trace file of a zone's local store.</summary>
    public IReadOnlyList<string> TraceFiles(string zone)
    {
        var dir = Platform.TraceDirectory(zone);
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories) : [];
    }
}

/// <summary>Sends the front door's country header and records the platform's response headers.</summary>
public sealed class ResponseHeaders(string? country) : PipelinePolicy
{
    public string? ServedZone { get; private set; }
    public string? RequestId { get; private set; }
    public string? Pool { get; private set; }
    public string? CostUsd { get; private set; }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Before(message);
        ProcessNext(message, pipeline, currentIndex);
        After(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Before(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
        After(message);
    }

    private void Before(PipelineMessage message)
    {
        if (country is not null)
        {
            message.Request.Headers.Set("X-Client-Country", country);
        }
    }

    private void After(PipelineMessage message)
    {
        var headers = message.Response!.Headers;
        ServedZone = headers.TryGetValue("X-Platform-Served-Zone", out var z) ? z : null;
        RequestId = headers.TryGetValue("X-Request-Id", out var r) ? r : null;
        Pool = headers.TryGetValue("X-Platform-Pool", out var p) ? p : null;
        CostUsd = headers.TryGetValue("X-Platform-Cost-Usd", out var c) ? c : null;
    }
}
