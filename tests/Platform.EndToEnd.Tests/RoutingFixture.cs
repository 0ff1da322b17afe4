using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Compliance;
using Platform.Contracts.Tags;
using Platform.Local;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform for the routing-and-cost tests: the API key <see cref="LumenKey"/> belongs to tenant lumen-berlin
/// (max tier 1), and zone sgp's regional function runs on a policy copy whose interactive reasoning budget for tiers 0
/// and 1 is <see cref="TinyCap"/> tokens, so a cut answer is easy to provoke. Its own instance, since tests change pool faults.
/// </summary>
public sealed class RoutingFixture : IAsyncLifetime
{
    public const string LumenKey = "sk-lumen-e2e";
    public const int TinyCap = 10;

    public LocalPlatform Platform { get; private set; } = null!;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-e2e-routing-" + Guid.NewGuid().ToString("N"));
    private string PolicyDirectory => Path.Combine(DataDirectory, "policies");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(PolicyDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "policies"), "*.yaml"))
        {
            var text = await File.ReadAllTextAsync(file);
            if (Path.GetFileName(file) == "routing.yaml")
            {
                // The first interactive line is sgp's.
                var at = text.IndexOf("interactive: [1024, 2048, 4096, 8192]", StringComparison.Ordinal);
                text = text[..at] + $"interactive: [{TinyCap}, {TinyCap}, 4096, 8192]" + text[(at + "interactive: [1024, 2048, 4096, 8192]".Length)..];
            }

            await File.WriteAllTextAsync(Path.Combine(PolicyDirectory, Path.GetFileName(file)), text);
        }

        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LumenKey)));
        Platform = await LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            EdgePort = 0,
            DataDirectory = DataDirectory,
            SimulatorSpeedFactor = 50,
            PlatformLogLevel = "Warning",
            ExtraArgs = app => app switch
            {
                "edge" => [$"--Edge:ApiKeys:{keyHash}=lumen-berlin"],
                "regional:sgp" => [$"--Platform:PoliciesDirectory={PolicyDirectory}"],
                _ => [],
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Sends a body straight to a zone's regional function with tags signed as the edge would.</summary>
    public async Task<HttpResponseMessage> SendSignedAsync(string zone, RequestTags tags, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signed = TagSigner.Sign(tags, bytes, Platform.SigningKeys[zone], DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Platform.RegionalUrls[zone], "v1/chat/completions")) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(InternalHeaders.Tags, signed.Tags);
        request.Headers.Add(InternalHeaders.Timestamp, signed.Timestamp);
        request.Headers.Add(InternalHeaders.BodySha256, signed.BodySha256);
        request.Headers.Add(InternalHeaders.Signature, signed.Signature);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static RequestTags Tags(string zone, string model, int costTier = 0, int maxTier = 3, int latencyBudgetMs = 15_000, string locale = "en") => new()
    {
        RequestId = "req_" + Guid.NewGuid().ToString("N"),
        Tenant = "public",
        Locale = locale,
        DataClass = DataClass.None,
        PiiTypes = [],
        HomeZone = zone,
        ServingZone = zone,
        LatencyBudgetMs = latencyBudgetMs,
        CostTier = costTier,
        MaxTier = maxTier,
        RequestedModel = model,
    };

    /// <summary>The trace record of a request (the stored file's "trace"), once the background writer has written it.</summary>
    public async Task<JsonElement> TraceAsync(string zone, string requestId)
    {
        var dir = Platform.TraceDirectory(zone);
        for (var i = 0; i < 100; i++)
        {
            var file = Directory.Exists(dir)
                ? Directory.GetFiles(dir, requestId + ".json", SearchOption.AllDirectories).FirstOrDefault()
                : null;
            if (file is not null)
            {
                return JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).RootElement.GetProperty("trace");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"No trace for {requestId} in zone {zone}'s store after 10 s.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
