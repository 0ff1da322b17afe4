using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Providers;
using Platform.Regional.Telemetry;

namespace Platform.Regional.Tests.Providers;

/// <summary>An external provider seen as a pool: named, priced and traced as the provider, at the top tier.</summary>
public sealed class ProviderPoolTests : IDisposable
{
    private readonly ProviderPolicies _policies = new();

    [Fact]
    public void ProviderCall_IsSpannedUnderTheProvidersName_Model_AndPrice()
    {
        var provider = _policies.Provider(ProviderPolicies.Abroad);
        var pool = ProviderPool.For(provider, 3);
        var (request, _, _) = ChatRequest.Parse("""{"model":"frontier","messages":[{"role":"user","content":"hi"}]}"""u8.ToArray());
        var tags = new RequestTags
        {
            RequestId = "req_1", Tenant = "public", Locale = "en", DataClass = DataClass.None, PiiTypes = [], HomeZone = "sgp", ServingZone = "sgp",
            LatencyBudgetMs = 15_000, CostTier = 3, MaxTier = 3, RequestedModel = "frontier",
        };

        var start = PoolCallTags.Start(tags, request!, pool, "route", 0).ToDictionary(kv => kv.Key, kv => kv.Value);
        var (_, cost) = PoolCallTags.End(pool, false, new PoolCallEnd("ok", TimeSpan.FromSeconds(1), null, new Usage(1_000_000, 1_000_000, 2_000_000, null), "stop"));

        start["gen_ai.provider.name"].ShouldBe(ProviderPolicies.Abroad);
        start["gen_ai.request.model"].ShouldBe(ProviderPolicies.ProviderModel);
        start["platform.pool"].ShouldBe(ProviderPolicies.Abroad);
        start["platform.pool.tier"].ShouldBe(3);
        cost.ShouldBe(ProviderPolicies.ProviderPrice.Input + ProviderPolicies.ProviderPrice.Output);
        pool.Zone.ShouldBe("sgp");
    }

    public void Dispose() => _policies.Dispose();
}
