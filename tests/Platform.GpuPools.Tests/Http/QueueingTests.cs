using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

public sealed class QueueingTests
{
    // cn-910b-verified: qwen3-235b-a22b-thinking, max_concurrency 12 in pools.yaml.
    private const string SmallPool = "cn-910b-verified";
    private const string SmallPoolModel = "qwen3-235b-a22b-thinking";
    private const int SmallPoolConcurrency = 12;
    private static readonly (string, string) Model = ("model_name", SmallPoolModel);

    [Fact]
    public async Task BeyondMaxConcurrency_RequestsWait_AndCancellingFreesEverySlot()
    {
        // Hanging requests hold their slots, so the batch stays full for as long as the test needs.
        await using var pool = await StartAsync(SmallPool, "--Simulator:Faults:Hang=true");
        using var clients = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var requests = Enumerable.Range(0, SmallPoolConcurrency + 3)
            .Select(i => pool.PostChatAsync(ChatBody(SmallPoolModel, $"request {i}"), clients.Token))
            .ToArray();
        var full = await pool.ScrapeUntilAsync(s => s.Value("vllm:num_requests_waiting", Model) == 3);

        full.Value("vllm:num_requests_running", Model).ShouldBe(SmallPoolConcurrency);
        full.Value("vllm:kv_cache_usage_perc", Model).ShouldBeInRange(0.0001, 1);

        await clients.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => Task.WhenAll(requests));
        var idle = await pool.ScrapeUntilAsync(s => s.Value("vllm:num_requests_running", Model) == 0);
        idle.Value("vllm:num_requests_waiting", Model).ShouldBe(0);
        idle.Value("vllm:kv_cache_usage_perc", Model).ShouldBe(0);

        pool.Faults.SetHang(false);
        var completion = await pool.CompleteAsync(ChatBody(SmallPoolModel, "after the storm"));
        ((string?)completion["choices"]![0]!["finish_reason"]).ShouldBe("stop");
    }
}
