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
        root.GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task Healthz_SaysDegraded_WhileTheTraceSpoolDropsTraces_AndServingGoesOn()
    {
        await using var pool = await FakePool.AnsweringAsync();
        var spool = Path.Combine(Path.GetTempPath(), "spool-" + Guid.NewGuid().ToString("N"));
        await using var host = await RegionalHost.StartAsync(
            "sgp",
            new Dictionary<string, string> { ["sgp-h100-fast-a"] = pool.Url },
            "--Regional:Traces:Store=s3",
            $"--Regional:Traces:S3:ServiceUrl={await FakePool.DownUrlAsync()}",
            "--Regional:Traces:S3:Region=us-east-1",
            "--Regional:Traces:S3:Bucket=test-traces-sgp-health",
            "--Regional:Traces:S3:AccessKey=K",
            "--Regional:Traces:S3:SecretKey=S",
            "--Regional:Traces:S3:ForcePathStyle=true",
            $"--Regional:Traces:Spool:Directory={spool}",
            "--Regional:Traces:Spool:MaxEntries=1");

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(), RegionalHost.ChatBody()), Ct);
            response.IsSuccessStatusCode.ShouldBeTrue("S3 being down never fails a request");
        }

        // The spool fills off the response path; give its writer a moment.
        JsonElement root;
        var attempts = 0;
        do
        {
            await Task.Delay(100, Ct);
            root = JsonDocument.Parse(await host.Client.GetStringAsync("/healthz", Ct)).RootElement;
        }
        while (root.GetProperty("status").GetString() != "degraded" && ++attempts < 50);

        root.GetProperty("status").GetString().ShouldBe("degraded");
        var check = root.GetProperty("checks").EnumerateArray().ShouldHaveSingleItem();
        check.GetProperty("name").GetString().ShouldBe("trace-spool");
        check.GetProperty("status").GetString().ShouldBe("degraded");
        Directory.Delete(spool, recursive: true);
    }
}
