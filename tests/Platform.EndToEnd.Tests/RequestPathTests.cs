using System.ClientModel;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenAI.Chat;
using Platform.Compliance;
using Platform.Contracts.Tags;

namespace Platform.EndToEnd.Tests;

/// <summary>The walking skeleton, as a client app sees it: the official OpenAI client pointed at the edge.</summary>
public sealed class RequestPathTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    private const string ChinesePromptWithResidentId = "请帮我写一封给银行的信，申请更换借记卡。我的身份证号是11010519491231002X，谢谢。";

    [Fact]
    public async Task NonPiiPrompt_FromSingapore_IsServedInSgp()
    {
        var (client, headers) = fx.Client(country: "SG");

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("Write a short poem about rivers.")], cancellationToken: TestContext.Current.CancellationToken);

        headers.ServedZone.ShouldBe("sgp");
        decimal.Parse(headers.CostUsd!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0m, "the edge relays what the request cost");
        completion.Content.ShouldHaveSingleItem().Text.ShouldNotBeNullOrWhiteSpace();
        completion.FinishReason.ShouldBe(ChatFinishReason.Stop);
        completion.Usage.InputTokenCount.ShouldBeGreaterThan(0);
        completion.Usage.OutputTokenCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Streaming_DeliversTheAnswerInChunks_WithUsageAtTheEnd()
    {
        var (client, headers) = fx.Client("reasoning", country: "DE");
        var text = new StringBuilder();
        var chunks = 0;
        ChatTokenUsage? usage = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Explain why the sky is blue.")], cancellationToken: TestContext.Current.CancellationToken))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                chunks++;
            }

            usage ??= update.Usage;
        }

        headers.ServedZone.ShouldBe("fra");
        chunks.ShouldBeGreaterThan(1);
        text.ToString().ShouldNotBeNullOrWhiteSpace();
        usage.ShouldNotBeNull();
        usage.OutputTokenDetails.ReasoningTokenCount.ShouldBeGreaterThan(0, "a tier-1 reasoning model reasons before it answers");
    }

    [Fact]
    public async Task ChinesePromptWithResidentId_FromChina_IsServedInCn_AndItsTraceLandsOnlyInCn()
    {
        var (client, headers) = fx.Client(country: "CN");

        await client.CompleteChatAsync([new UserChatMessage(ChinesePromptWithResidentId)], cancellationToken: TestContext.Current.CancellationToken);

        headers.ServedZone.ShouldBe("cn");
        var trace = await WaitForTraceAsync("cn", headers.RequestId!);
        var stored = JsonDocument.Parse(await File.ReadAllTextAsync(trace, TestContext.Current.CancellationToken)).RootElement;
        stored.GetRawText().ShouldNotContain("11010519491231002X");
        foreach (var other in new[] { "sgp", "fra" })
        {
            fx.TraceFiles(other).ShouldNotContain(f => f.Contains(headers.RequestId!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TagsSentStraightToARegionalFunction_WithoutTheEdgesSignature_Get401()
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fx.Platform.RegionalUrls["sgp"], "v1/chat/completions"))
        {
            Content = new StringContent("{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(InternalHeaders.Tags, "eyJmb3JnZWQiOnRydWV9");
        request.Headers.Add(InternalHeaders.Timestamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(InternalHeaders.BodySha256, new string('0', 64));
        request.Headers.Add(InternalHeaders.Signature, "v1=" + new string('a', 64));

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("authentication_error");
    }

    [Fact]
    public async Task ReplayedTags_Get401_EvenWithAValidSignature()
    {
        var body = Encoding.UTF8.GetBytes("{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        var tags = new RequestTags
        {
            RequestId = "req_" + Guid.NewGuid().ToString("N"),
            Tenant = "public",
            Locale = "en",
            DataClass = DataClass.None,
            PiiTypes = [],
            HomeZone = "sgp",
            ServingZone = "sgp",
            LatencyBudgetMs = 5000,
            CostTier = 0,
            MaxTier = 3,
            RequestedModel = "fast",
        };
        var signed = TagSigner.Sign(tags, body, fx.Platform.SigningKeys["sgp"], DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        HttpRequestMessage Captured()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fx.Platform.RegionalUrls["sgp"], "v1/chat/completions")) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(InternalHeaders.Tags, signed.Tags);
            request.Headers.Add(InternalHeaders.Timestamp, signed.Timestamp);
            request.Headers.Add(InternalHeaders.BodySha256, signed.BodySha256);
            request.Headers.Add(InternalHeaders.Signature, signed.Signature);
            return request;
        }

        (await http.SendAsync(Captured(), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replay = await http.SendAsync(Captured(), TestContext.Current.CancellationToken);

        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnknownModel_Gets404_ThroughTheOpenAiClient()
    {
        var (client, _) = fx.Client("gpt-17");

        var e = await Should.ThrowAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken));

        e.Status.ShouldBe(404);
        e.Message.ShouldContain("The model 'gpt-17' does not exist.");
    }

    [Theory]
    [InlineData("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\"", 400, "invalid_request", null)]
    [InlineData("{\"model\":\"auto\",\"messages\":[]}", 400, "invalid_request", "messages")]
    [InlineData("{\"model\":\"auto\"}", 400, "invalid_request", "messages")]
    public async Task MalformedRequests_GetA400_InOpenAisErrorFormat(string body, int status, string code, string? param)
    {
        using var http = EdgeHttp();

        var response = await http.PostAsync("v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(status);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe(code);
        error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        (error.GetProperty("param").ValueKind == JsonValueKind.Null ? null : error.GetProperty("param").GetString()).ShouldBe(param);
    }

    [Fact]
    public async Task TenMegabyteBody_Gets413_InOpenAisErrorFormat()
    {
        using var http = EdgeHttp();
        var huge = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('a', 10 * 1024 * 1024) + "\"}]}";

        var response = await http.PostAsync("v1/chat/completions", new StringContent(huge, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetProperty("code").GetString().ShouldBe("request_too_large");
    }

    [Fact]
    public async Task ModelsEndpoint_ListsAliasesAndCatalogueModels()
    {
        using var http = EdgeHttp();

        var models = await http.GetFromJsonAsync<JsonElement>("v1/models", TestContext.Current.CancellationToken);

        var ids = models.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToArray();
        ids.ShouldContain("auto");
        ids.ShouldContain("reasoning");
        ids.ShouldContain("qwen3-8b");
    }

    private HttpClient EdgeHttp()
    {
        var http = new HttpClient { BaseAddress = fx.Platform.EdgeUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "sk-e2e");
        return http;
    }

    private async Task<string> WaitForTraceAsync(string zone, string requestId)
    {
        // Traces are written off the response path; give the writer a moment.
        for (var i = 0; i < 100; i++)
        {
            var file = fx.TraceFiles(zone).FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == requestId);
            if (file is not null)
            {
                return file;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"No trace for {requestId} in zone {zone}'s store after 10 s.");
    }
}
