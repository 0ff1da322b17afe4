using System.Text.Json;

namespace Platform.Regional.Tests.Apis;

public sealed class ModelsAndHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Models_ListsOnlyModelsOfPoolsWithAnEndpoint_WithTierAndPrice()
    {
        await using var host = await RegionalHost.StartAsync("fra", new Dictionary<string, string>
        {
            ["fra-h100-fast-a"] = "http://127.0.0.1:9",
            ["fra-h200-reasoning-b"] = "http://127.0.0.1:9",
        });

        var root = JsonDocument.Parse(await host.Client.GetStringAsync("/v1/models", Ct)).RootElement;

        root.GetProperty("object").GetString().ShouldBe("list");
        var models = root.GetProperty("data").EnumerateArray().ToArray();
        models.Select(m => m.GetProperty("id").GetString()).ShouldBe(["qwen3-8b", "deepseek-r1-distill-qwen-32b"]);
        models[0].GetProperty("object").GetString().ShouldBe("model");
        models[0].GetProperty("tier").GetInt32().ShouldBe(0);
        var price = models[1].GetProperty("price_usd_per_million");
        (price.GetProperty("input").GetDecimal(), price.GetProperty("cached_input").GetDecimal(), price.GetProperty("output").GetDecimal()).ShouldBe((0.14m, 0.035m, 0.50m));
    }

    [Fact]
    public async Task Healthz_SaysTheZoneAndHowManyPoolsItCanReach()
    {
        await using var host = await RegionalHost.StartAsync("cn", new Dictionary<string, string> { ["cn-910b-fast-a"] = "http://127.0.0.1:9" });

        var root = JsonDocument.Parse(await host.Client.GetStringAsync("/healthz", Ct)).RootElement;

        root.GetProperty("zone").GetString().ShouldBe("cn");
        root.GetProperty("pools_available").GetInt32().ShouldBe(1);
        root.GetProperty("pools_unavailable").GetInt32().ShouldBe(5);
    }
}
