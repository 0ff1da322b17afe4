using System.ClientModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;
using Platform.Compliance;
using Platform.GpuPools.Simulator;
using Platform.GpuPools.Simulator.Faults;
using Platform.Local;
using Platform.Traces;
using Platform.Traces.Decisions;
using Platform.Traces.Local;
using Platform.Audit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform with one tier-3 external provider in sgp: a simulator that demands a Bearer key, as a hosted
/// provider does, configured on a policy copy as processing in the US (so: non-PII only, with a transfer basis).
/// sgp's own frontier pool is down, so a frontier request can be served in the zone only by the provider.
/// </summary>
public sealed class ExternalProviderFixture : IAsyncLifetime
{
    public const string Name = "frontier-us";
    public const string FrontierPool = "sgp-h200-frontier";
    public static readonly Price Price = new(2m, 0.5m, 8m);

    private readonly string _key = "sk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private WebApplication _provider = null!;

    public LocalPlatform Platform { get; private set; } = null!;

    /// <summary>The policies sgp's regional function runs on: the embedded ones plus the provider.</summary>
    public ComplianceModel Model { get; private set; } = null!;
    public Uri ProviderUrl { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-e2e-provider-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        // The provider imitates the frontier pool's model (the simulator serves a catalogue model), on its own port.
        _provider = SimulatorApp.Create([
            "--urls=http://127.0.0.1:0", $"--Simulator:Pool={FrontierPool}", "--Simulator:SpeedFactor=50", $"--Simulator:ApiKey={_key}", "--Logging:LogLevel:Default=Warning"]);
        await _provider.StartAsync(TestContext.Current.CancellationToken);
        ProviderUrl = new Uri(_provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

        var policies = Path.Combine(DataDirectory, "policies");
        Directory.CreateDirectory(policies);
        // The policies every other app of the local platform runs on (embedded), with the provider added to sgp's routing.
        foreach (var (file, embedded) in PolicyFiles.Embedded())
        {
            var text = embedded!;
            if (Path.GetFileName(file) == "routing.yaml")
            {
                const string none = "None configured.\n    external_providers: []";
                text.ShouldContain(none);
                text = text.Replace(none, $"""
                    None configured.
                        external_providers:
                          - name: {Name}
                            base_url: {ProviderUrl}v1
                            model: deepseek-r1
                            processing_country: US
                            in_zone_processor: false
                            basis: "End-to-end test: only prompts in which the edge found no personal data are sent."
                            price: {"{"} input: 2, cached_input: 0.5, output: 8 {"}"}
                    """, StringComparison.Ordinal);
            }

            await File.WriteAllTextAsync(Path.Combine(policies, Path.GetFileName(file)), text, TestContext.Current.CancellationToken);
        }

        Model = ComplianceModel.Load(policies);
        Platform = await LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            EdgePort = 0,
            DataDirectory = DataDirectory,
            SimulatorSpeedFactor = 50,
            PlatformLogLevel = "Warning",
            ExtraArgs = app => app == "regional:sgp" ? [$"--Platform:PoliciesDirectory={policies}", $"--Regional:Providers:{Name}:ApiKey={_key}"] : [],
        });
        Platform.Pools[FrontierPool].App.Services.GetRequiredService<PoolFaults>().SetDown(true);
    }

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        await _provider.StopAsync();
        await _provider.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>The official OpenAI client at the edge, from Singapore, asking for the frontier tier.</summary>
    public (ChatClient Client, ResponseHeaders Headers) Client()
    {
        var headers = new ResponseHeaders("SG");
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri(Platform.EdgeUrl, "v1"), NetworkTimeout = TimeSpan.FromSeconds(30) };
        options.AddPolicy(headers, System.ClientModel.Primitives.PipelinePosition.PerCall);
        return (new ChatClient("frontier", new ApiKeyCredential("sk-e2e"), options), headers);
    }

    /// <summary>Prompt tokens the provider has processed (its vLLM metric): any prompt that reached its engine counts.</summary>
    public async Task<double> ProviderPromptTokensAsync()
    {
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(ProviderUrl, "metrics"), TestContext.Current.CancellationToken);
        var line = metrics.Split('\n').Single(l => l.StartsWith("vllm:prompt_tokens_total", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Every sgp decision record of a request (the edge's and the regional function's), once both are written.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> DecisionsAsync(string requestId)
    {
        var log = new LocalDirectoryDecisionLog("sgp", Platform.TraceDirectory("sgp"), Model.Zone("sgp").Retention.DecisionLogDays, TimeProvider.System);
        var records = new List<DecisionRecord>();
        for (var attempt = 0; attempt < 100 && records.Count < 2; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            records = await log.ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), TestContext.Current.CancellationToken)
                .Where(r => r.RequestId == requestId).ToListAsync(TestContext.Current.CancellationToken);
        }

        return records;
    }

    /// <summary>The trace of a request in sgp, read through the zone's own store once the background writer has written it.</summary>
    public async Task<TraceRecord> TraceAsync(string requestId)
    {
        var store = new LocalDirectoryTraceStore("sgp", Platform.TraceDirectory("sgp"), TimeProvider.System);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await foreach (var stored in store.ListAsync(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), TestContext.Current.CancellationToken))
            {
                if (stored.Trace.RequestId == requestId)
                {
                    return stored.Trace;
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"No trace for {requestId} in sgp's store after 10 s.");
    }
}

/// <summary>Tier 3 through an external provider, end to end with the official OpenAI client: non-PII goes, PII never does.</summary>
public sealed class ExternalProviderTests(ExternalProviderFixture fx) : IClassFixture<ExternalProviderFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FrontierWithoutPii_IsServedInSgpByTheProvider_WithItsKey_AndTheCostInTheHeader()
    {
        var before = await fx.ProviderPromptTokensAsync();
        var (client, headers) = fx.Client();

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("Explain why the sky is blue in two sentences.")], cancellationToken: Ct);

        headers.ServedZone.ShouldBe("sgp");
        headers.Pool.ShouldBe(ExternalProviderFixture.Name);
        completion.Content.ShouldHaveSingleItem().Text.ShouldNotBeNullOrWhiteSpace();
        decimal.Parse(headers.CostUsd!, CultureInfo.InvariantCulture)
            .ShouldBe(ExternalProviderFixture.Price.Cost(completion.Usage.InputTokenCount, 0, completion.Usage.OutputTokenCount));
        (await fx.ProviderPromptTokensAsync()).ShouldBe(before + completion.Usage.InputTokenCount);

        // Traced as a pool call would be, under the provider's name; the down frontier pool never answered.
        var trace = await fx.TraceAsync(headers.RequestId!);
        trace.Pool.ShouldBe(ExternalProviderFixture.Name);
        trace.Model.ShouldBe("deepseek-r1");
        trace.Attempts.Where(a => a.Outcome == "ok").ShouldHaveSingleItem().Pool.ShouldBe(ExternalProviderFixture.Name);
    }

    [Fact]
    public async Task StreamedFrontierWithoutPii_IsRelayedFromTheProvider_AndCostedAtItsPrice()
    {
        var (client, headers) = fx.Client();
        var text = new StringBuilder();
        ChatTokenUsage? usage = null;

        await foreach (var update in client.CompleteChatStreamingAsync(
            [new UserChatMessage("List three facts about octopuses.")], cancellationToken: Ct))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            usage ??= update.Usage;
        }

        headers.Pool.ShouldBe(ExternalProviderFixture.Name);
        text.ToString().ShouldNotBeNullOrWhiteSpace();
        usage.ShouldNotBeNull().OutputTokenCount.ShouldBeGreaterThan(0);
        var trace = await fx.TraceAsync(headers.RequestId!);
        trace.Pool.ShouldBe(ExternalProviderFixture.Name);
        trace.Cost!.TotalUsd.ShouldBe(ExternalProviderFixture.Price.Cost(usage.InputTokenCount, 0, usage.OutputTokenCount));
    }

    [Fact]
    public async Task FrontierWithPii_NeverReachesTheProvider_AndFailsClosedInItsHomeZone()
    {
        var before = await fx.ProviderPromptTokensAsync();
        var (client, _) = fx.Client();

        var e = await Should.ThrowAsync<ClientResultException>(() =>
            client.CompleteChatAsync([new UserChatMessage("My NRIC is S1234567D, please help me draft a letter to HDB.")], cancellationToken: Ct));

        e.Status.ShouldBe(503);
        e.Message.ShouldContain("home zone 'sgp'");
        e.Message.ShouldNotContain("S1234567D");
        (await fx.ProviderPromptTokensAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task DecisionAudit_AcceptsTheProvidersNonPiiRecord_AndWouldFlagPersonalDataSentToIt()
    {
        var (client, headers) = fx.Client();

        await client.CompleteChatAsync([new UserChatMessage("Name three rivers in Asia.")], cancellationToken: Ct);

        var regional = (await fx.DecisionsAsync(headers.RequestId!)).Single(r => r.Source == DecisionSource.Regional);
        regional.Pool.ShouldBe(ExternalProviderFixture.Name);
        regional.ServingZone.ShouldBe("sgp");
        DecisionAudit.Violation(fx.Model, regional).ShouldBeNull();
        DecisionAudit.Violation(fx.Model, regional with { DataClass = DataClass.Direct })
            .ShouldBe($"Class 'direct' was sent to external provider {ExternalProviderFixture.Name} (US), which may receive only none.");
    }
}
