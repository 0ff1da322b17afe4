using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

public sealed class StreamingTests
{
    [Fact]
    public async Task Stream_FastModel_SendsRoleChunkThenContentChunksThenDone()
    {
        await using var pool = await StartAsync(FastPool);

        using var response = await pool.PostChatAsync(ChatBody(FastModel, "What is vLLM?", stream: true));
        var events = await SseEvents.ReadAsync(response);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        events.Broken.ShouldBeFalse();
        events.EndsWithDone.ShouldBeTrue();
        var chunks = events.Chunks;
        chunks.ShouldAllBe(c => (string?)c["object"] == "chat.completion.chunk");
        chunks.Select(c => (string?)c["id"]).Distinct().ShouldHaveSingleItem();
        ((string?)chunks[0]["choices"]![0]!["delta"]!["role"]).ShouldBe("assistant");
        events.Reasoning.ShouldBeEmpty();
        events.Content.ShouldNotBeNullOrWhiteSpace();
        ((string?)chunks[^1]["choices"]![0]!["finish_reason"]).ShouldBe("stop");
        chunks.ShouldAllBe(c => c["usage"] == null);
    }

    [Fact]
    public async Task Stream_ReasoningModel_SendsReasoningContentBeforeContent()
    {
        await using var pool = await StartAsync(ReasoningPool);

        using var response = await pool.PostChatAsync(ChatBody(ReasoningModel, "Is 97 prime?", stream: true));
        var events = await SseEvents.ReadAsync(response);

        var kinds = events.TokenChunks.Select(c => c["choices"]![0]!["delta"]!["reasoning_content"] is not null ? "reasoning" : "content").ToArray();
        kinds.ShouldContain("reasoning");
        kinds.ShouldContain("content");
        kinds.SkipWhile(k => k == "reasoning").ShouldAllBe(k => k == "content");
        events.EndsWithDone.ShouldBeTrue();
    }

    [Fact]
    public async Task Stream_IncludeUsage_EndsWithUsageChunkWithNoChoicesThatCountsTheTokens()
    {
        await using var pool = await StartAsync(ReasoningPool);

        using var response = await pool.PostChatAsync(ChatBody(ReasoningModel, "Explain KV caches.", stream: true, maxTokens: 50, includeUsage: true));
        var events = await SseEvents.ReadAsync(response);

        var usageChunk = events.Chunks[^1];
        usageChunk["choices"]!.AsArray().ShouldBeEmpty();
        var usage = usageChunk["usage"]!;
        ((int)usage["completion_tokens"]!).ShouldBe(50);
        ((int)usage["completion_tokens"]!).ShouldBe(events.TokenChunks.Count);
        ((int)usage["completion_tokens_details"]!["reasoning_tokens"]!).ShouldBe(events.TokenChunks.Count(c => c["choices"]![0]!["delta"]!["reasoning_content"] is not null));
        ((string?)events.TokenChunks[^1]["choices"]![0]!["finish_reason"]).ShouldBe("length");
        events.EndsWithDone.ShouldBeTrue();
    }
}
