using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;
using Platform.GpuPools.Simulator.Faults;
using Platform.Traces.Decisions;

namespace Platform.EndToEnd.Tests;

/// <summary>Issue 7 part A through the whole platform: verifier promotion, the tenant's tier cap, cost, reasoning budgets and locale prompts.</summary>
public sealed class RoutingAndCostTests(RoutingFixture fx) : IClassFixture<RoutingFixture>
{
    private const string PlainQuestion = "Write a short poem about rivers.";

    private PoolFaults Faults(string pool) => fx.Platform.Pools[pool].App.Services.GetRequiredService<PoolFaults>();

    private (ChatClient Client, ResponseHeaders Headers) Client(string country, string apiKey = "sk-e2e")
    {
        var headers = new ResponseHeaders(country);
        var options = new OpenAIClientOptions { Endpoint = new Uri(fx.Platform.EdgeUrl, "v1"), NetworkTimeout = TimeSpan.FromSeconds(30) };
        options.AddPolicy(headers, PipelinePosition.PerCall);
        return (new ChatClient("auto", new ApiKeyCredential(apiKey), options), headers);
    }

    [Fact]
    public async Task VerifierRejection_PromotesAutoFromTier0To1_AndTheTraceRecordsBothAnswersAndTheVerdict()
    {
        var verifier = fx.Platform.Model.Routing.Of("sgp").Verifier!.PoolId;
        Faults(verifier).SetJudgeRejectRate(1);
        try
        {
            var (client, headers) = Client("SG");

            ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(PlainQuestion)], cancellationToken: TestContext.Current.CancellationToken);

            fx.Platform.Model.Pools.Single(p => p.Id == headers.Pool).Tier.ShouldBe(1, "a rejected tier-0 answer is asked again one tier up");
            var trace = await fx.TraceAsync("sgp", headers.RequestId!);
            trace.GetProperty("tier").GetInt32().ShouldBe(1);
            var step = trace.GetProperty("escalations").EnumerateArray().ShouldHaveSingleItem();
            step.GetProperty("tier").GetInt32().ShouldBe(0);
            step.GetProperty("verdict").GetString().ShouldBe("fail");
            step.GetProperty("promoted_to").GetInt32().ShouldBe(1);
            var rejected = step.GetProperty("answer").GetString();
            rejected.ShouldNotBeNullOrWhiteSpace();
            trace.GetProperty("answer").GetString().ShouldBe(completion.Content[0].Text);
            var cost = trace.GetProperty("cost");
            cost.GetProperty("verifier_usd").GetDecimal().ShouldBeGreaterThan(0);
            cost.GetProperty("retry_usd").GetDecimal().ShouldBe(step.GetProperty("answer_cost_usd").GetDecimal());
            cost.GetProperty("total_usd").GetDecimal().ShouldBe(
                cost.GetProperty("answer_usd").GetDecimal() + cost.GetProperty("verifier_usd").GetDecimal() + cost.GetProperty("retry_usd").GetDecimal());

            var decision = await RegionalDecisionAsync("sgp", headers.RequestId!);
            decision.Tier.ShouldBe(1);
            decision.Promoted.ShouldBe(true);
            decision.CostUsd.ShouldBe(cost.GetProperty("total_usd").GetDecimal());
            decision.Pool.ShouldBe(headers.Pool);
        }
        finally
        {
            Faults(verifier).SetJudgeRejectRate(0);
        }
    }

    private async Task<DecisionRecord> RegionalDecisionAsync(string zone, string requestId)
    {
        var log = new LocalDirectoryDecisionLog(zone, fx.Platform.TraceDirectory(zone), 30, TimeProvider.System);
        for (var i = 0; i < 100; i++)
        {
            await foreach (var record in log.ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), TestContext.Current.CancellationToken))
            {
                if (record.RequestId == requestId && record.Source == DecisionSource.Regional)
                {
                    return record;
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException($"No regional decision record for {requestId} in zone {zone} after 10 s.");
    }

    [Fact]
    public async Task TenantCappedAtTier1_IsPromotedToTier1_ButNeverAboveIt()
    {
        var verifier = fx.Platform.Model.Routing.Of("fra").Verifier!.PoolId;
        Faults(verifier).SetJudgeRejectRate(1);
        try
        {
            var (client, headers) = Client("DE", RoutingFixture.LumenKey);

            await client.CompleteChatAsync([new UserChatMessage(PlainQuestion)], cancellationToken: TestContext.Current.CancellationToken);
            var plain = await fx.TraceAsync("fra", headers.RequestId!);
            await client.CompleteChatAsync([new UserChatMessage("Explain why the sky is blue, step by step.")], cancellationToken: TestContext.Current.CancellationToken);
            var reasoning = await fx.TraceAsync("fra", headers.RequestId!);

            plain.GetProperty("tags").GetProperty("tenant").GetString().ShouldBe("lumen-berlin");
            plain.GetProperty("tier").GetInt32().ShouldBe(1, "tier 0 rejected, promoted to the tenant's max tier 1");
            reasoning.GetProperty("tier").GetInt32().ShouldBe(1);
            reasoning.TryGetProperty("escalations", out _).ShouldBeFalse("an answer at the tenant's max tier is not judged: there is nowhere higher to go");
        }
        finally
        {
            Faults(verifier).SetJudgeRejectRate(0);
        }
    }

    [Fact]
    public async Task CostHeader_IsUsageTimesTheCataloguePrice()
    {
        var response = await fx.SendSignedAsync("sgp", RoutingFixture.Tags("sgp", "fast"), $$"""{"model":"fast","messages":[{"role":"user","content":"{{PlainQuestion}}"}]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var usage = body.GetProperty("usage");
        var pool = fx.Platform.Model.Pools.Single(p => p.Id == response.Headers.GetValues("X-Platform-Pool").Single());
        var expected = pool.Price.Cost(usage.GetProperty("prompt_tokens").GetInt32(), 0, usage.GetProperty("completion_tokens").GetInt32());
        decimal.Parse(response.Headers.GetValues("X-Platform-Cost-Usd").Single(), CultureInfo.InvariantCulture).ShouldBe(expected);
        expected.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task StreamedAnswer_CarriesItsCostOnTheUsageChunk()
    {
        var response = await fx.SendSignedAsync("sgp", RoutingFixture.Tags("sgp", "fast"),
            $$"""{"model":"fast","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"{{PlainQuestion}}"}]}""");

        var events = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).Where(e => e != "[DONE]").Select(e => JsonDocument.Parse(e).RootElement).ToArray();
        var last = events.Last(e => e.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object);
        var pool = fx.Platform.Model.Pools.Single(p => p.Id == response.Headers.GetValues("X-Platform-Pool").Single());
        var usage = last.GetProperty("usage");
        last.GetProperty("platform_cost_usd").GetDecimal().ShouldBe(pool.Price.Cost(usage.GetProperty("prompt_tokens").GetInt32(), 0, usage.GetProperty("completion_tokens").GetInt32()));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(5, false)]
    public async Task AnswerStoppedForLength_IsFlaggedOnlyWhenTheZonesBudgetCutIt_NotTheClientsOwnLimit(int clientMax, bool cutByBudget)
    {
        var tags = RoutingFixture.Tags("sgp", "fast", latencyBudgetMs: 2000);
        var response = await fx.SendSignedAsync("sgp", tags, $$"""{"model":"fast","max_tokens":{{clientMax}},"messages":[{"role":"user","content":"{{PlainQuestion}}"}]}""");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("choices")[0].GetProperty("finish_reason").GetString().ShouldBe("length");
        body.GetProperty("usage").GetProperty("completion_tokens").GetInt32().ShouldBe(Math.Min(clientMax, RoutingFixture.TinyCap));
        response.Headers.TryGetValues("X-Platform-Budget-Capped", out var flag).ShouldBe(cutByBudget);
        var trace = await fx.TraceAsync("sgp", tags.RequestId);
        trace.GetProperty("budget_capped").GetBoolean().ShouldBe(cutByBudget);
        trace.GetProperty("completion_token_cap").GetInt32().ShouldBe(Math.Min(clientMax, RoutingFixture.TinyCap));
        if (cutByBudget)
        {
            flag!.Single().ShouldBe("true");
        }
    }

    [Fact]
    public async Task ChineseLocale_GetsTheZonesChineseSystemPrompt_InWhatThePoolReceives()
    {
        const string question = "请写一首关于河流的短诗。";
        var tags = RoutingFixture.Tags("sgp", "fast", locale: "zh-CN");
        var response = await fx.SendSignedAsync("sgp", tags, $$"""{"model":"fast","messages":[{"role":"user","content":"{{question}}"}]}""");
        var answer = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();

        // The simulator's answer is a function of the messages it received: ask the pool directly with and without the prompt.
        var prompt = fx.Platform.Model.Routing.Of("sgp").SystemPromptFor("zh-CN")!;
        var pool = fx.Platform.Pools[response.Headers.GetValues("X-Platform-Pool").Single()].Url;
        async Task<string?> Direct(object[] messages)
        {
            using var http = new HttpClient();
            var r = await http.PostAsJsonAsync(new Uri(pool, "v1/chat/completions"), new { model = "qwen3-8b", messages }, TestContext.Current.CancellationToken);
            return (await r.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        }

        answer.ShouldBe(await Direct([new { role = "system", content = prompt }, new { role = "user", content = question }]));
        answer.ShouldNotBe(await Direct([new { role = "user", content = question }]));
        (await fx.TraceAsync("sgp", tags.RequestId)).GetProperty("system_prompt_added").GetBoolean().ShouldBeTrue();
    }
}
