using Platform.Regional.Metrics;
using Platform.Regional.Routing;

namespace Platform.Regional.Tests.Metrics;

public sealed class PrometheusTextTests
{
    private const string VllmScrape = """
        # HELP vllm:num_requests_running Number of requests in model execution batches.
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0",model_name="qwen3-8b"} 3.0
        vllm:num_requests_running{engine="1",model_name="qwen3-8b"} 2.0
        # TYPE vllm:num_requests_waiting gauge
        vllm:num_requests_waiting{engine="0",model_name="qwen3-8b"} 4.0
        # TYPE vllm:kv_cache_usage_perc gauge
        vllm:kv_cache_usage_perc{engine="0",model_name="qwen3-8b"} 0.25
        vllm:kv_cache_usage_perc{engine="1",model_name="qwen3-8b"} 0.5
        vllm:time_to_first_token_seconds_bucket{le="+Inf",model_name="qwen3-8b"} 17 1700000000000
        process_open_fds 12
        """;

    [Fact]
    public void VllmScrape_GivesRequestsSummedOverEngines_AndTheFullestKvCache()
    {
        PrometheusText.LoadOf(PrometheusText.Parse(VllmScrape)).ShouldBe(new PoolLoad(4, 5, 0.5));
    }

    [Fact]
    public void Samples_KeepNamesLabelsAndValues_IncludingEscapesAndSpecialValues()
    {
        var samples = PrometheusText.Parse("""
            a{path="x\"y",other="a,b"} 1.5e2
            b +Inf
            c{} NaN
            """);

        samples.Count.ShouldBe(3);
        samples[0].Name.ShouldBe("a");
        samples[0].Labels["path"].ShouldBe("x\"y");
        samples[0].Labels["other"].ShouldBe("a,b");
        samples[0].Value.ShouldBe(150);
        samples[1].Value.ShouldBe(double.PositiveInfinity);
        double.IsNaN(samples[2].Value).ShouldBeTrue();
    }

    [Fact]
    public void BrokenLines_AreSkipped_NotFatal()
    {
        var samples = PrometheusText.Parse("""
            vllm:num_requests_running{engine="0" 3
            vllm:num_requests_waiting{engine="0"} lots
            vllm:num_requests_waiting 2
            """);

        samples.ShouldHaveSingleItem().Value.ShouldBe(2);
    }

    [Fact]
    public void ScrapeWithoutVllmMetrics_HasNoLoad()
    {
        PrometheusText.LoadOf(PrometheusText.Parse("process_open_fds 12\n")).ShouldBeNull();
    }
}
