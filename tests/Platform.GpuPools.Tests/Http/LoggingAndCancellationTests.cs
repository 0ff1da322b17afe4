using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

public sealed class LoggingAndCancellationTests
{
    [Fact]
    public async Task EachRequest_LogsOneDebugLineWithCountsAndNeverThePromptOrAnswer()
    {
        await using var pool = await StartAsync(FastPool, "--Logging:LogLevel:Platform=Debug");
        var logs = new CapturingLoggerProvider();
        pool.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        var completion = await pool.CompleteAsync(ChatBody(FastModel, "my passport number is X1234567"));

        var lines = logs.Lines.Where(l => l.Category.StartsWith("Platform.", StringComparison.Ordinal)).ToArray();
        var line = lines.ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Debug);
        line.Message.ShouldContain(FastPool);
        line.Message.ShouldContain($"completion {(int)completion["usage"]!["completion_tokens"]!} tokens");
        var answerWords = ((string)completion["choices"]![0]!["message"]!["content"]!).Split(' ');
        logs.Lines.ShouldAllBe(l => !l.Message.Contains("X1234567") && !l.Message.Contains("passport"));
        line.Message.ShouldNotContain(string.Join(' ', answerWords.Take(3)));
    }

    [Fact]
    public async Task ClientLeavingMidStream_FreesItsSlot_AndCountsAsAbort()
    {
        // Real speed: the reply takes seconds, so the client surely leaves before it ends.
        await using var pool = await StartAsync(ReasoningPool, "--Simulator:SpeedFactor=1");
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var response = await pool.PostChatAsync(ChatBody(ReasoningModel, "a long think", stream: true), leave.Token);
        await using var stream = await response.Content.ReadAsStreamAsync(leave.Token);
        (await stream.ReadAsync(new byte[64], leave.Token)).ShouldBeGreaterThan(0); // the role chunk: it is running

        await leave.CancelAsync();
        response.Dispose();

        var after = await pool.ScrapeUntilAsync(s => s.Value("vllm:request_success_total", ("finished_reason", "abort")) == 1);
        after.Value("vllm:num_requests_running").ShouldBe(0);
        after.Value("vllm:request_success_total", ("finished_reason", "stop")).ShouldBe(0);
    }
}
