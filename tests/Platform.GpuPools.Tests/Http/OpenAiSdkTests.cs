using System.ClientModel;
using OpenAI;
using OpenAI.Chat;
using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

/// <summary>Client apps use the official SDK; it must read the simulator's answers as it reads vLLM's.</summary>
public sealed class OpenAiSdkTests
{
    [Fact]
    public async Task OpenAiSdk_CompletesAndStreamsAgainstTheSimulator()
    {
        await using var pool = await StartAsync(FastPool);
        var client = new ChatClient(FastModel, new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(pool.BaseAddress, "/v1") });
        var ct = TestContext.Current.CancellationToken;

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("Hello")], cancellationToken: ct);
        var streamed = new List<string>();
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Hello")], cancellationToken: ct))
        {
            streamed.AddRange(update.ContentUpdate.Select(p => p.Text));
        }

        completion.FinishReason.ShouldBe(ChatFinishReason.Stop);
        completion.Usage.OutputTokenCount.ShouldBeGreaterThan(0);
        string.Concat(streamed).ShouldBe(completion.Content[0].Text);
    }
}
