using System.Net;
using System.Text.Json.Nodes;
using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

public sealed class ModelsAndMetricsTests
{
    private static readonly (string, string) Model = ("model_name", FastModel);

    [Fact]
    public async Task Models_ListsThePoolsOneModel()
    {
        await using var pool = await StartAsync(FastPool);

        var list = JsonNode.Parse(await pool.Client.GetStringAsync("/v1/models", TestContext.Current.CancellationToken))!;

        ((string?)list["object"]).ShouldBe("list");
        var model = list["data"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)model["id"]).ShouldBe(FastModel);
        ((string?)model["object"]).ShouldBe("model");
        ((string?)model["owned_by"]).ShouldBe("simulator");
    }

    [Fact]
    public async Task Health_Up_Returns200()
    {
        await using var pool = await StartAsync(FastPool);

        using var response = await pool.Client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_UseVllmNamesAndTypes()
    {
        await using var pool = await StartAsync(FastPool);

        var scrape = await pool.ScrapeAsync();

        scrape.Types["vllm:num_requests_running"].ShouldBe("gauge");
        scrape.Types["vllm:num_requests_waiting"].ShouldBe("gauge");
        scrape.Types["vllm:kv_cache_usage_perc"].ShouldBe("gauge");
        scrape.Types["vllm:prompt_tokens"].ShouldBe("counter");
        scrape.Types["vllm:generation_tokens"].ShouldBe("counter");
        scrape.Types["vllm:time_to_first_token_seconds"].ShouldBe("histogram");
        scrape.Types["vllm:e2e_request_latency_seconds"].ShouldBe("histogram");
        scrape.Samples.ShouldAllBe(s => s.Labels["model_name"] == FastModel);
        scrape.Value("vllm:num_requests_running", Model).ShouldBe(0);
        scrape.Value("vllm:kv_cache_usage_perc", Model).ShouldBe(0);
    }

    [Fact]
    public async Task Metrics_AfterRequest_CountersAndHistogramsMoveByItsUsage()
    {
        await using var pool = await StartAsync(FastPool);
        var before = await pool.ScrapeAsync();

        var completion = await pool.CompleteAsync(ChatBody(FastModel, "Count my tokens, please."));
        var after = await pool.ScrapeAsync();

        var usage = completion["usage"]!;
        Delta("vllm:prompt_tokens_total").ShouldBe((int)usage["prompt_tokens"]!);
        Delta("vllm:generation_tokens_total").ShouldBe((int)usage["completion_tokens"]!);
        Delta("vllm:time_to_first_token_seconds_count").ShouldBe(1);
        Delta("vllm:e2e_request_latency_seconds_count").ShouldBe(1);
        after.Value("vllm:e2e_request_latency_seconds_sum", Model).ShouldBeGreaterThan(0);
        after.Value("vllm:request_success_total", Model, ("finished_reason", "stop")).ShouldBe(1);
        foreach (var histogram in new[] { "vllm:time_to_first_token_seconds", "vllm:e2e_request_latency_seconds" })
        {
            var buckets = after.Samples.Where(s => s.Name == histogram + "_bucket").Select(s => s.Value).ToArray();
            buckets.ShouldBe(buckets.Order().ToArray()); // cumulative
            after.Value(histogram + "_bucket", Model, ("le", "+Inf")).ShouldBe(after.Value(histogram + "_count", Model));
        }

        double Delta(string name) => after.Value(name, Model) - before.Value(name, Model);
    }
}
