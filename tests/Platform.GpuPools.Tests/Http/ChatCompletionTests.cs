using System.Net;
using System.Text.Json.Nodes;
using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

public sealed class ChatCompletionTests
{
    [Fact]
    public async Task NonStreaming_FastModel_ReturnsChatCompletionWithoutReasoning()
    {
        await using var pool = await StartAsync(FastPool);

        var completion = await pool.CompleteAsync(ChatBody(FastModel, "What is a GPU pool?"));

        ((string?)completion["object"]).ShouldBe("chat.completion");
        ((string?)completion["id"]).ShouldStartWith("chatcmpl-");
        ((string?)completion["model"]).ShouldBe(FastModel);
        var choice = completion["choices"]!.AsArray().ShouldHaveSingleItem()!;
        ((string?)choice["finish_reason"]).ShouldBe("stop");
        ((string?)choice["message"]!["role"]).ShouldBe("assistant");
        ((string?)choice["message"]!["content"]).ShouldNotBeNullOrWhiteSpace();
        choice["message"]!["reasoning_content"].ShouldBeNull();
        var usage = completion["usage"]!;
        ((int)usage["prompt_tokens"]!).ShouldBeGreaterThan(0);
        ((int)usage["completion_tokens"]!).ShouldBeInRange(20, 120);
        ((int)usage["total_tokens"]!).ShouldBe((int)usage["prompt_tokens"]! + (int)usage["completion_tokens"]!);
        ((int)usage["completion_tokens_details"]!["reasoning_tokens"]!).ShouldBe(0);
    }

    [Fact]
    public async Task NonStreaming_ReasoningModel_ReturnsReasoningContentAndCountsItsTokens()
    {
        await using var pool = await StartAsync(ReasoningPool);

        var completion = await pool.CompleteAsync(ChatBody(ReasoningModel, "Why is the sky blue?"));

        var message = completion["choices"]![0]!["message"]!;
        ((string?)message["reasoning_content"]).ShouldNotBeNullOrWhiteSpace();
        ((string?)message["content"]).ShouldNotBeNullOrWhiteSpace();
        var usage = completion["usage"]!;
        var reasoningTokens = (int)usage["completion_tokens_details"]!["reasoning_tokens"]!;
        reasoningTokens.ShouldBeInRange(30, 200);
        ((int)usage["completion_tokens"]!).ShouldBeGreaterThan(reasoningTokens);
    }

    [Fact]
    public async Task SamePrompt_TwiceAndInBothModes_GetsTheSameText()
    {
        await using var pool = await StartAsync(ReasoningPool);
        var body = ChatBody(ReasoningModel, "Summarise the EU AI Act in one paragraph.");

        var first = await pool.CompleteAsync(body);
        var second = await pool.CompleteAsync(body);
        using var streamed = await pool.PostChatAsync(ChatBody(ReasoningModel, "Summarise the EU AI Act in one paragraph.", stream: true));
        var events = await SseEvents.ReadAsync(streamed);
        var other = await pool.CompleteAsync(ChatBody(ReasoningModel, "Summarise the GDPR in one paragraph."));

        var message = first["choices"]![0]!["message"]!;
        second["choices"]![0]!["message"]!.ToJsonString().ShouldBe(message.ToJsonString());
        events.Content.ShouldBe((string?)message["content"]);
        events.Reasoning.ShouldBe((string?)message["reasoning_content"]);
        ((string?)other["choices"]![0]!["message"]!["content"]).ShouldNotBe((string?)message["content"]);
    }

    [Fact]
    public async Task MaxTokens_BelowReplyLength_CutsReplyWithFinishReasonLength()
    {
        await using var pool = await StartAsync(FastPool);

        var completion = await pool.CompleteAsync(ChatBody(FastModel, "Tell me a long story.", maxTokens: 5));

        ((string?)completion["choices"]![0]!["finish_reason"]).ShouldBe("length");
        ((int)completion["usage"]!["completion_tokens"]!).ShouldBe(5);
        ((string?)completion["choices"]![0]!["message"]!["content"])!.Split(' ').Length.ShouldBe(5);
    }

    [Fact]
    public async Task MaxCompletionTokens_ReasoningModel_ReasoningCountsAgainstTheLimit()
    {
        await using var pool = await StartAsync(ReasoningPool);
        var body = JsonNode.Parse(ChatBody(ReasoningModel, "Prove Fermat's last theorem."))!;
        body["max_completion_tokens"] = 12;

        var completion = await pool.CompleteAsync(body.ToJsonString());

        ((string?)completion["choices"]![0]!["finish_reason"]).ShouldBe("length");
        var usage = completion["usage"]!;
        ((int)usage["completion_tokens"]!).ShouldBe(12);
        ((int)usage["completion_tokens_details"]!["reasoning_tokens"]!).ShouldBe(12);
        completion["choices"]![0]!["message"]!["content"].ShouldBeNull();
    }

    [Fact]
    public async Task CjkPrompt_GetsCjkAnswer()
    {
        await using var pool = await StartAsync(FastPool);

        var completion = await pool.CompleteAsync(ChatBody(FastModel, "请用中文介绍一下上海的历史。"));

        var content = (string)completion["choices"]![0]!["message"]!["content"]!;
        content.ShouldNotContain(" ");
        content.ShouldContain("。");
    }

    [Fact]
    public async Task UnknownModel_Returns404InOpenAiFormat()
    {
        await using var pool = await StartAsync(FastPool);

        using var response = await pool.PostChatAsync(ChatBody("gpt-4o", "hi"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
        ((string?)error["message"]).ShouldBe("The model `gpt-4o` does not exist.");
        ((string?)error["type"]).ShouldBe("not_found_error");
    }

    [Theory]
    [InlineData("{not json", null)]
    [InlineData("""{"model":"qwen3-8b"}""", "messages")]
    [InlineData("""{"model":"qwen3-8b","messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "max_tokens")]
    public async Task MalformedRequest_Returns400InOpenAiFormat(string body, string? param)
    {
        await using var pool = await StartAsync(FastPool);

        using var response = await pool.PostChatAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!;
        ((string?)error["type"]).ShouldBe("invalid_request_error");
        ((string?)error["param"]).ShouldBe(param);
    }
}
