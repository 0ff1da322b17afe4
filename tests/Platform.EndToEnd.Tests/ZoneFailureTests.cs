using System.ClientModel;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;
using Platform.GpuPools.Simulator.Faults;

namespace Platform.EndToEnd.Tests;

/// <summary>What happens when a zone's pools are down: PII fails closed at home, non-PII fails over where flows.yaml allows.</summary>
public sealed class ZoneFailureTests(PlatformFixture fx) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task PiiRequestFromChina_CnPoolsDown_Gets503_AndNothingReachesAnotherZone()
    {
        using var down = ZoneDown("cn");
        var promptsAbroad = await PromptTokensSeenAsync("sgp") + await PromptTokensSeenAsync("fra");
        var tracesAbroad = fx.TraceFiles("sgp").Count + fx.TraceFiles("fra").Count;
        var (client, _) = fx.Client(country: "CN");

        var e = await Should.ThrowAsync<ClientResultException>(() =>
            client.CompleteChatAsync([new UserChatMessage("我叫王建国，身份证号11010519491231002X，帮我写一封请假条。")], cancellationToken: TestContext.Current.CancellationToken));

        e.Status.ShouldBe(503);
        e.Message.ShouldContain("home zone 'cn'");
        e.Message.ShouldContain("It was not sent to any other zone.");
        e.Message.ShouldNotContain("11010519491231002X");
        (await PromptTokensSeenAsync("sgp") + await PromptTokensSeenAsync("fra")).ShouldBe(promptsAbroad);
        (fx.TraceFiles("sgp").Count + fx.TraceFiles("fra").Count).ShouldBe(tracesAbroad);
    }

    [Fact]
    public async Task NonPiiRequestFromSingapore_SgpPoolsDown_IsServedByFra()
    {
        using var down = ZoneDown("sgp");
        var (client, headers) = fx.Client(country: "SG");

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("Suggest three names for a bakery.")], cancellationToken: TestContext.Current.CancellationToken);

        headers.ServedZone.ShouldBe("fra");
        completion.Content.ShouldHaveSingleItem().Text.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task NonPiiRequestFromChina_CnPoolsDown_Gets503_BecauseCnTrafficNeverLeavesCn()
    {
        using var down = ZoneDown("cn");
        var promptsAbroad = await PromptTokensSeenAsync("sgp") + await PromptTokensSeenAsync("fra");
        var (client, _) = fx.Client(country: "CN");

        var e = await Should.ThrowAsync<ClientResultException>(() =>
            client.CompleteChatAsync([new UserChatMessage("Suggest three names for a bakery.")], cancellationToken: TestContext.Current.CancellationToken));

        e.Status.ShouldBe(503);
        (await PromptTokensSeenAsync("sgp") + await PromptTokensSeenAsync("fra")).ShouldBe(promptsAbroad);
    }

    [Fact]
    public async Task OnePoolOfATierFailing_IsFailedOverInsideTheZone()
    {
        var first = fx.Platform.Model.PoolsIn("sgp").Where(p => p.Tier == 0).ToArray();
        first.Length.ShouldBeGreaterThan(1);
        Faults(first[0].Id).SetErrorRate(1.0);
        try
        {
            var (client, headers) = fx.Client("fast", country: "SG");
            for (var i = 0; i < 4; i++)
            {
                await client.CompleteChatAsync([new UserChatMessage($"Say hello number {i}.")], cancellationToken: TestContext.Current.CancellationToken);
                headers.ServedZone.ShouldBe("sgp");
                headers.Pool.ShouldNotBe(first[0].Id);
            }
        }
        finally
        {
            Faults(first[0].Id).Clear();
        }
    }

    private PoolFaults Faults(string pool) => fx.Platform.Pools[pool].App.Services.GetRequiredService<PoolFaults>();

    /// <summary>Prompt tokens the zone's pools have received, read from their vLLM metrics: any prompt that reached them counts.</summary>
    private async Task<double> PromptTokensSeenAsync(string zone)
    {
        using var http = new HttpClient();
        var total = 0.0;
        foreach (var pool in fx.Platform.Model.PoolsIn(zone))
        {
            var metrics = await http.GetStringAsync(new Uri(fx.Platform.Pools[pool.Id].Url, "metrics"), TestContext.Current.CancellationToken);
            var line = metrics.Split('\n').Single(l => l.StartsWith("vllm:prompt_tokens_total", StringComparison.Ordinal));
            total += double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    private Restore ZoneDown(string zone)
    {
        var pools = fx.Platform.Model.PoolsIn(zone).Select(p => Faults(p.Id)).ToArray();
        foreach (var f in pools)
        {
            f.SetDown(true);
        }

        return new Restore(() =>
        {
            foreach (var f in pools)
            {
                f.SetDown(false);
            }
        });
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
