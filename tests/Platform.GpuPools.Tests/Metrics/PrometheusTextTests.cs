using Platform.GpuPools.Simulator.Metrics;

namespace Platform.GpuPools.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Histogram_WritesCumulativeBucketsCountAndSum_LikePrometheusClient()
    {
        var histogram = new Histogram([0.1, 1.0]);
        histogram.Observe(0.05);
        histogram.Observe(0.5);
        histogram.Observe(5);
        var text = new PrometheusText([("model_name", "m"), ("engine", "0")]);

        text.Histogram("vllm:x_seconds", "X.", histogram);

        text.ToString().ShouldBe(
            """
            # HELP vllm:x_seconds X.
            # TYPE vllm:x_seconds histogram
            vllm:x_seconds_bucket{engine="0",le="0.1",model_name="m"} 1.0
            vllm:x_seconds_bucket{engine="0",le="1.0",model_name="m"} 2.0
            vllm:x_seconds_bucket{engine="0",le="+Inf",model_name="m"} 3.0
            vllm:x_seconds_count{engine="0",model_name="m"} 3.0
            vllm:x_seconds_sum{engine="0",model_name="m"} 5.55

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Counter_IsDeclaredWithoutTotal_AndSampledWithIt()
    {
        var text = new PrometheusText([("model_name", "m")]);

        text.Counter("vllm:prompt_tokens", "P.", 12);

        text.ToString().ShouldBe("# HELP vllm:prompt_tokens P.\n# TYPE vllm:prompt_tokens counter\nvllm:prompt_tokens_total{model_name=\"m\"} 12.0\n");
    }

    [Theory]
    [InlineData(0, 32, 0.0)]
    [InlineData(32 * 1024, 32, 0.5)]
    [InlineData(10_000_000, 32, 1.0)]
    public void KvCache_GrowsWithHeldTokens_UpToFull(long tokens, int maxConcurrency, double expected) =>
        KvCache.Usage(tokens, maxConcurrency).ShouldBe(expected);
}
