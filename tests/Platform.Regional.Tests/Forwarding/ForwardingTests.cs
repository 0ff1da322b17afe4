using System.Net;
using System.Text.Json;
using Platform.Contracts.OpenAi;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Tags;
using Platform.Regional.Routing;

namespace Platform.Regional.Tests.Forwarding;

public sealed class ForwardingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstPoolFails500_SecondPoolServes_AndTheTraceHasBothAttempts()
    {
        await using var failing = await FakePool.FailingAsync(500);
        await using var good = await FakePool.AnsweringAsync("Hello there");
        await using var host = await TwoPools(failing.Url, good.Url);
        var tags = RegionalHost.Tags();

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody()), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe(["sgp-h100-fast-b"]);
        var completion = JsonSerializer.Deserialize<ChatCompletion>(await response.Content.ReadAsStringAsync(Ct), ChatWire.Json)!;
        completion.Choices[0].Message!.Content.ShouldBe("Hello there");

        var stored = await host.TraceOfAsync(tags.RequestId);
        stored.Trace.Pool.ShouldBe("sgp-h100-fast-b");
        stored.Trace.Outcome.ShouldBe("ok");
        stored.Trace.Answer.ShouldBe("Hello there");
        stored.Trace.ReasoningContent.ShouldBe("thinking");
        stored.Trace.Usage!.TotalTokens.ShouldBe(10);
        stored.Trace.Attempts.Select(a => (a.Pool, a.Outcome)).ShouldBe([("sgp-h100-fast-a", "http_500"), ("sgp-h100-fast-b", "ok")]);
        stored.ExpiresAt.ShouldBe(stored.Trace.StartedAt.AddDays(30));
        Directory.GetFiles(host.TraceRoot, "*.json", SearchOption.AllDirectories).Length.ShouldBe(1);
    }

    [Fact]
    public async Task FirstPoolHangsOnAWholeCompletion_SecondServesLongBeforeTheResponseLimit()
    {
        await using var hanging = await FakePool.HangingAsync();
        await using var good = await FakePool.AnsweringAsync("Hello there");
        await using var host = await TwoPools(hanging.Url, good.Url);
        var body = """{"model":"fast","max_tokens":16,"messages":[{"role":"user","content":"Say hello"}]}""";

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(latencyBudgetMs: 1000), body), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe(["sgp-h100-fast-b"]);
    }

    [Fact]
    public async Task LoadScrapedFromMetrics_SendsTheRequestToTheLessLoadedPool()
    {
        await using var busy = await FakePool.StartAsync((http, body) => FakePool.AnswerAsync(http, body, "busy"), "vllm:num_requests_running{engine=\"0\"} 60\nvllm:num_requests_waiting 9\n");
        await using var idle = await FakePool.StartAsync((http, body) => FakePool.AnswerAsync(http, body, "idle"), "vllm:num_requests_running 1\n");
        await using var host = await TwoPools(busy.Url, idle.Url);
        var board = host.Services.GetRequiredService<PoolLoadBoard>();
        while (board.Snapshot().Any(p => p.Load is null))
        {
            await Task.Delay(20, Ct);
        }

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(), RegionalHost.ChatBody()), Ct);

        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe(["sgp-h100-fast-b"]);
        busy.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task ClientCancellingAStream_CancelsThePoolRequest()
    {
        await using var pool = await FakePool.StreamingUntilAbortedAsync();
        await using var host = await RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = pool.Url });
        var tags = RegionalHost.Tags();

        using (var client = new CancellationTokenSource())
        {
            using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("fast", stream: true)), HttpCompletionOption.ResponseHeadersRead, Ct);
            await using var stream = await response.Content.ReadAsStreamAsync(Ct);
            await using var events = SseReader.ReadDataAsync(stream, client.Token).GetAsyncEnumerator(client.Token);
            (await events.MoveNextAsync()).ShouldBeTrue();
            await client.CancelAsync();
        }

        await pool.Aborted.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        (await host.TraceOfAsync(tags.RequestId)).Trace.Outcome.ShouldBe("client_cancelled");
    }

    [Fact]
    public async Task PoolGetsItsOwnModelName_AndAStreamAsksForUsage()
    {
        await using var pool = await FakePool.AnsweringAsync();
        await using var host = await RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = pool.Url });

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(), RegionalHost.ChatBody("fast", stream: true)), Ct);
        await response.Content.ReadAsStringAsync(Ct);

        var received = pool.Received.ShouldHaveSingleItem();
        ((string)received["model"]!).ShouldBe("qwen3-8b");
        ((bool)received["stream_options"]!["include_usage"]!).ShouldBeTrue();
        ((string)received["messages"]![0]!["content"]!).ShouldBe("Say hello");
    }

    [Fact]
    public async Task Stream_IsRelayedChunkByChunk_EndingInDone_AndTraced()
    {
        await using var pool = await FakePool.AnsweringAsync("Hello there");
        await using var host = await RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = pool.Url });
        var tags = RegionalHost.Tags();

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("fast", stream: true)), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ReadEventsAsync(response);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        events[^1].ShouldBe("[DONE]");
        events.SkipLast(1).ShouldAllBe(e => JsonDocument.Parse(e).RootElement.GetProperty("choices").GetArrayLength() > 0);
        string.Concat(events.SkipLast(1).Select(DeltaContent)).ShouldBe("Hello there ");
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Answer.ShouldBe("Hello there ");
        trace.ReasoningContent.ShouldBe("thinking");
        trace.Usage!.CompletionTokens.ShouldBe(3);
        trace.TimeToFirstTokenMs.ShouldNotBeNull();
    }

    [Fact]
    public async Task ClientThatAskedForUsage_GetsTheUsageChunk()
    {
        await using var pool = await FakePool.AnsweringAsync();
        await using var host = await RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = pool.Url });
        var body = """{"model":"fast","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Say hello"}]}""";

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(), body), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ReadEventsAsync(response);

        JsonDocument.Parse(events[^2]).RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32().ShouldBe(10);
    }

    [Fact]
    public async Task FirstPoolHangs_SecondServesAfterTheFirstByteTimeout()
    {
        await using var hanging = await FakePool.HangingAsync();
        await using var good = await FakePool.AnsweringAsync("Hello there");
        await using var host = await TwoPools(hanging.Url, good.Url, "--Regional:Hedging:Enabled=false");
        var tags = RegionalHost.Tags(latencyBudgetMs: 1000);

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("fast", stream: true)), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ReadEventsAsync(response);

        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe(["sgp-h100-fast-b"]);
        events[^1].ShouldBe("[DONE]");
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Attempts.Select(a => (a.Pool, a.Outcome)).ShouldBe([("sgp-h100-fast-a", "first_byte_timeout"), ("sgp-h100-fast-b", "ok")]);
        hanging.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task StreamCutAfterTheFirstChunk_EndsWithAnErrorEvent_AndNeverDone()
    {
        await using var cutting = await FakePool.CuttingAfterFirstChunkAsync();
        await using var good = await FakePool.AnsweringAsync();
        await using var host = await TwoPools(cutting.Url, good.Url);
        var tags = RegionalHost.Tags();

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("fast", stream: true)), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = new List<string>();
        await foreach (var data in SseReader.ReadDataAsync(await response.Content.ReadAsStreamAsync(Ct), Ct))
        {
            events.Add(data);
            cutting.Cut();
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        events.ShouldNotContain("[DONE]");
        DeltaContent(events[0]).ShouldBe("Hel");
        var error = JsonDocument.Parse(events[^1]).RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("upstream_interrupted");
        error.GetProperty("type").GetString().ShouldBe("server_error");
        good.Received.ShouldBeEmpty(); // the client already had part of an answer: no second one
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Outcome.ShouldBe("upstream_interrupted");
        trace.Answer.ShouldBe("Hel");
    }

    [Fact]
    public async Task AllPoolsDown_Is503ZoneUnavailable_WithNothingElseSent()
    {
        await using var host = await TwoPools(await FakePool.DownUrlAsync(), await FakePool.DownUrlAsync());
        var tags = RegionalHost.Tags();

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("fast", stream: true)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("zone_unavailable");
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Outcome.ShouldBe("zone_unavailable");
        trace.Attempts.Select(a => a.Outcome).ShouldBe(["connection_error", "connection_error"]);
    }

    [Fact]
    public async Task Pool400_IsReturnedAsIs_WithoutTryingAnotherPool()
    {
        await using var rejecting = await FakePool.FailingAsync(400);
        await using var good = await FakePool.AnsweringAsync();
        await using var host = await TwoPools(rejecting.Url, good.Url);

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(), RegionalHost.ChatBody()), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("pool says no");
        good.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task ModelNoPoolOfTheZoneServes_Is503ZoneUnavailable()
    {
        await using var pool = await FakePool.AnsweringAsync();
        await using var host = await RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = pool.Url });

        using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(model: "deepseek-r1"), RegionalHost.ChatBody("deepseek-r1")), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("zone_unavailable");
        pool.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoFirstByteBySixTenthsOfTheBudget_IsHedgedToTheNextPool_AndTheLoserIsCancelledAndNotBilled()
    {
        await using var hanging = await FakePool.HangingAsync();
        await using var good = await FakePool.AnsweringAsync("Hello there");
        await using var host = await TwoPools(hanging.Url, good.Url, "--Regional:FirstByteTimeout=00:00:10");
        var tags = RegionalHost.Tags(latencyBudgetMs: 1000);

        using var response = await host.Client.SendAsync(host.Signed(tags, RegionalHost.ChatBody("fast", stream: true)), HttpCompletionOption.ResponseHeadersRead, Ct);
        var events = await ReadEventsAsync(response);

        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe(["sgp-h100-fast-b"]);
        events[^1].ShouldBe("[DONE]");
        string.Concat(events.SkipLast(1).Select(DeltaContent)).ShouldBe("Hello there ");
        await hanging.Aborted.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var trace = (await host.TraceOfAsync(tags.RequestId)).Trace;
        trace.Attempts.Select(a => (a.Pool, a.Outcome)).ShouldBe([("sgp-h100-fast-a", "hedge_lost"), ("sgp-h100-fast-b", "ok")]);
        trace.Attempts[0].TimeToFirstByteMs.ShouldBeNull();
        trace.Pool.ShouldBe("sgp-h100-fast-b");
        trace.Usage!.TotalTokens.ShouldBe(10, "only the winner's usage is recorded");
        trace.DurationMs.ShouldBeLessThan(5000, "the hedge answered long before the 10 s first-byte limit");
    }

    [Fact]
    public async Task PoolFailingEveryRequest_IsEjected_AndNoLongerTried()
    {
        await using var failing = await FakePool.FailingAsync(500);
        await using var good = await FakePool.AnsweringAsync();
        await using var host = await TwoPools(failing.Url, good.Url, "--Regional:Health:MinimumThroughput=2", "--Regional:Health:BreakSeconds=600");

        for (var i = 0; i < 8; i++)
        {
            using var response = await host.Client.SendAsync(host.Signed(RegionalHost.Tags(), RegionalHost.ChatBody()), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        failing.Received.Count.ShouldBeLessThanOrEqualTo(2, "the circuit opens once the minimum throughput has failed");
        var health = JsonDocument.Parse(await host.Client.GetStringAsync("/healthz", Ct)).RootElement.GetProperty("pools").EnumerateArray().ToArray();
        health.Single(p => p.GetProperty("id").GetString() == "sgp-h100-fast-a").GetProperty("circuit").GetString().ShouldBe("open");
        health.Single(p => p.GetProperty("id").GetString() == "sgp-h100-fast-b").GetProperty("circuit").GetString().ShouldBe("closed");
    }

    private static Task<RegionalHost> TwoPools(string first, string second, params string[] extra) =>
        RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = first, ["sgp-h100-fast-b"] = second }, extra);

    private static async Task<List<string>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<string>();
        await foreach (var data in SseReader.ReadDataAsync(await response.Content.ReadAsStreamAsync(Ct), Ct))
        {
            events.Add(data);
        }

        return events;
    }

    private static string DeltaContent(string chunk)
    {
        var choices = JsonDocument.Parse(chunk).RootElement.GetProperty("choices");
        return choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
    }
}
