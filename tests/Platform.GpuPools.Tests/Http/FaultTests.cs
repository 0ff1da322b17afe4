using System.Net;
using System.Text.Json.Nodes;
using Platform.GpuPools.Simulator.Faults;
using static Platform.GpuPools.Tests.Http.RunningSimulator;

namespace Platform.GpuPools.Tests.Http;

public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErrorRateOne_EveryRequestGets500InOpenAiFormat()
    {
        await using var pool = await StartAsync(FastPool, "--Simulator:Faults:ErrorRate=1");

        using var response = await pool.PostChatAsync(ChatBody(FastModel, "hi", stream: true));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["error"]!;
        ((string?)error["type"]).ShouldBe("server_error");
    }

    [Fact]
    public async Task Hang_ClientTimesOut_AndItsSlotIsFreed()
    {
        await using var pool = await StartAsync(FastPool, "--Simulator:Faults:Hang=true");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => pool.PostChatAsync(ChatBody(FastModel, "hi"), timeout.Token));

        await pool.ScrapeUntilAsync(s => s.Value("vllm:num_requests_running") == 0);
    }

    [Fact]
    public async Task DropAfterTokens_Streaming_BreaksTheConnectionAfterNTokensWithoutDone()
    {
        await using var pool = await StartAsync(ReasoningPool, "--Simulator:Faults:DropAfterTokens=7");

        using var response = await pool.PostChatAsync(ChatBody(ReasoningModel, "hi", stream: true));
        var events = await SseEvents.ReadAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        events.Broken.ShouldBeTrue();
        events.EndsWithDone.ShouldBeFalse();
        events.TokenChunks.Count.ShouldBe(7);
    }

    [Fact]
    public async Task DropAfterTokens_NonStreaming_BreaksTheConnectionBeforeAnyResponse()
    {
        await using var pool = await StartAsync(FastPool, "--Simulator:Faults:DropAfterTokens=3");

        await Should.ThrowAsync<HttpRequestException>(() => pool.PostChatAsync(ChatBody(FastModel, "hi")));
    }

    [Fact]
    public async Task DropAfterTokens_BeyondReplyLength_ReplyCompletes()
    {
        await using var pool = await StartAsync(FastPool, "--Simulator:Faults:DropAfterTokens=1000");

        using var response = await pool.PostChatAsync(ChatBody(FastModel, "hi", stream: true));
        var events = await SseEvents.ReadAsync(response);

        events.EndsWithDone.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/metrics")]
    [InlineData("/v1/models")]
    public async Task Down_EverythingAnswers503(string path)
    {
        await using var pool = await StartAsync(FastPool, "--Simulator:Faults:Down=true");

        using var get = await pool.Client.GetAsync(path, Ct);
        using var chat = await pool.PostChatAsync(ChatBody(FastModel, "hi"));

        get.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        chat.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Faults_ChangedOverHttp_ApplyToTheNextRequest()
    {
        await using var pool = await StartAsync(FastPool);

        var set = await pool.PutFaultsAsync(new { error_rate = 1.0 });
        using var failing = await pool.PostChatAsync(ChatBody(FastModel, "hi"));
        await pool.PutFaultsAsync(new { down = true });
        using var health = await pool.Client.GetAsync("/health", Ct);
        var current = JsonNode.Parse(await pool.Client.GetStringAsync("/admin/faults", Ct))!;
        await pool.PutFaultsAsync(new { });
        using var healthy = await pool.PostChatAsync(ChatBody(FastModel, "hi"));

        ((double)set["error_rate"]!).ShouldBe(1.0);
        failing.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ((bool)current["down"]!).ShouldBeTrue();
        ((double)current["error_rate"]!).ShouldBe(0); // a PUT replaces every fault
        healthy.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Faults_InvalidOverHttp_Rejected400AndUnchanged()
    {
        await using var pool = await StartAsync(FastPool);

        using var response = await pool.Client.PutAsync("/admin/faults", JsonContent(new { error_rate = 1.5 }), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        pool.Faults.Current.ShouldBe(FaultSettings.None);
    }

    [Fact]
    public async Task Faults_ChangedInProcess_ApplyToTheNextRequest()
    {
        await using var pool = await StartAsync(FastPool);

        pool.Faults.SetDown(true);
        using var down = await pool.Client.GetAsync("/health", Ct);
        pool.Faults.Clear();
        using var up = await pool.Client.GetAsync("/health", Ct);

        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        up.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object value) => System.Net.Http.Json.JsonContent.Create(value);
}
