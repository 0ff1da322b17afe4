using System.Globalization;
using System.Net;
using System.Text.Json;
using Platform.Compliance;
using Platform.Contracts.Tags;
using Platform.Regional.Escalation;

namespace Platform.Regional.Tests.Providers;

/// <summary>A regional function whose sgp providers all point at one fake OpenAI-compatible server; no tier-3 pool is configured.</summary>
public sealed class ProviderForwardingTests
{
    private const string Secret = "sk-provider-test-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FrontierWithoutPii_GoesToTheProvider_WithTheKey_ItsModel_AndItsPrice()
    {
        await using var provider = await FakePool.AnsweringAsync("From the provider");
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await StartAsync(policies, $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}");
        var tags = RegionalHost.Tags(model: "frontier", costTier: 3);

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("frontier")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe([ProviderPolicies.Abroad]);
        provider.Authorizations.ShouldBe([$"Bearer {Secret}"]);
        provider.Received.ShouldHaveSingleItem()["model"]!.GetValue<string>().ShouldBe(ProviderPolicies.ProviderModel);
        var cost = decimal.Parse(response.Headers.GetValues(RequestServing.CostHeader).Single(), CultureInfo.InvariantCulture);
        cost.ShouldBe(ProviderPolicies.ProviderPrice.Cost(7, 0, 3));
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Pool.ShouldBe(ProviderPolicies.Abroad);
        trace.Answer.ShouldBe("From the provider");
        trace.Cost!.TotalUsd.ShouldBe(cost);
    }

    [Fact]
    public async Task StreamedFrontier_IsRelayedFromTheProviderAsSse_EndingInDone()
    {
        await using var provider = await FakePool.AnsweringAsync("Streamed");
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await StartAsync(policies, $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}");

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(model: "frontier", costTier: 3), RegionalHost.ChatBody("frontier", stream: true)), Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe([ProviderPolicies.Abroad]);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("Streamed");
        text.TrimEnd().ShouldEndWith("data: [DONE]");
        provider.Authorizations.ShouldBe([$"Bearer {Secret}"]);
    }

    [Theory]
    [InlineData(DataClass.Direct)]
    [InlineData(DataClass.Sensitive)]
    public async Task FrontierWithPii_ProviderMayNotReceiveIt_FailsClosed_AndTheProviderGetsNothing(DataClass dataClass)
    {
        await using var provider = await FakePool.AnsweringAsync();
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await StartAsync(policies, $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}", $"--Regional:Providers:{ProviderPolicies.Local}:ApiKey={Secret}");

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(model: "frontier", costTier: 3, dataClass: dataClass), RegionalHost.ChatBody("frontier")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("zone_unavailable");
        provider.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task FrontierWithPii_InZoneProcessor_ReceivesIt()
    {
        await using var provider = await FakePool.AnsweringAsync();
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await StartAsync(policies, $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}", $"--Regional:Providers:{ProviderPolicies.Processor}:ApiKey={Secret}");

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(model: "frontier", costTier: 3, dataClass: DataClass.Direct), RegionalHost.ChatBody("frontier")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe([ProviderPolicies.Processor]);
    }

    [Fact]
    public async Task ProviderRefusingTheKey_IsNotRelayedToTheClient_AsARefusalOfItsOwnKey()
    {
        await using var provider = await FakePool.FailingAsync(401);
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await StartAsync(policies, $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}");
        var tags = RegionalHost.Tags(model: "frontier", costTier: 3);

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("frontier")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await host.TraceOfAsync(tags.RequestId)).Trace.Attempts.Select(a => (a.Pool, a.Outcome)).ShouldBe([(ProviderPolicies.Abroad, "http_401")]);
    }

    [Fact]
    public async Task ProviderWithoutAKey_IsNotRoutable_AndHealthzNamesIt_WithoutAnyKey()
    {
        await using var provider = await FakePool.AnsweringAsync();
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await StartAsync(policies, $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}");

        var health = await host.Client.GetStringAsync("/healthz", Ct);

        var root = JsonDocument.Parse(health).RootElement;
        root.GetProperty("providers_without_key").EnumerateArray().Select(e => e.GetString()).ShouldBe([ProviderPolicies.Local, ProviderPolicies.Processor]);
        root.GetProperty("pools").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldContain(ProviderPolicies.Abroad);
        health.ShouldNotContain(Secret);
    }

    [Theory]
    [InlineData(DataClass.None, ProviderPolicies.Abroad, 3)]
    [InlineData(DataClass.Direct, "sgp-h200-verified", 2)]
    public async Task AutoAnswerRejectedAtTierTwo_IsPromotedToTheProvider_OnlyWhenItMayReceiveTheRequest(DataClass dataClass, string answeredBy, int tier)
    {
        // One fake serves the tier-2 pool and the verifier, and says "fail" to both: the answer is always rejected.
        await using var pools = await FakePool.AnsweringAsync("""{\"verdict\":\"fail\",\"score\":0.1}""");
        await using var provider = await FakePool.AnsweringAsync("From the provider");
        using var policies = new ProviderPolicies(provider.Url + "/v1");
        await using var host = await RegionalHost.StartAsync(
            "sgp",
            new Dictionary<string, string> { ["sgp-h200-verified"] = pools.Url, ["sgp-h100-fast-b"] = pools.Url },
            $"--Platform:PoliciesDirectory={policies.Directory}", $"--Regional:Providers:{ProviderPolicies.Abroad}:ApiKey={Secret}");
        var tags = RegionalHost.Tags(model: "auto", costTier: 2, dataClass: dataClass, latencyBudgetMs: 15_000);

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("auto")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe([answeredBy]);
        provider.Received.Count.ShouldBe(dataClass == DataClass.None ? 1 : 0);
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Tier.ShouldBe(tier);
        trace.Escalations.ShouldNotBeNull().ShouldHaveSingleItem().PromotedTo.ShouldBe(tier == 3 ? 3 : null);
    }

    [Fact]
    public void KeyForAProviderTheZoneDoesNotHave_RefusesToStart_WithoutEchoingTheKey()
    {
        using var policies = new ProviderPolicies();

        var message = Should.Throw<InvalidOperationException>(() => RegionalApp.Create([
            "--Regional:Zone=sgp", $"--Regional:SigningKey={Convert.ToBase64String(RegionalHost.SgpKey)}", $"--Platform:PoliciesDirectory={policies.Directory}",
            $"--Regional:Providers:openai-us:ApiKey={Secret}"])).Message;

        message.ShouldContain("Regional:Providers:openai-us: no external provider of that name in routing.yaml zones.sgp.external_providers (it has abroad-us, local-sg, processor-sg).");
        message.ShouldNotContain(Secret);
    }

    private static Task<RegionalHost> StartAsync(ProviderPolicies policies, params string[] extra) =>
        RegionalHost.StartAsync("sgp", new Dictionary<string, string>(), [$"--Platform:PoliciesDirectory={policies.Directory}", .. extra]);
}
