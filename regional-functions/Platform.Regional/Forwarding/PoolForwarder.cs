using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Metrics;
using Platform.Regional.Routing;
using Platform.Regional.Telemetry;
using Platform.Traces;

namespace Platform.Regional.Forwarding;

/// <summary>
/// Sends a request to the chosen pools in order until one answers, relaying its answer as it arrives.
/// Until the first byte reaches the client, any pool failure moves on to the next pool; after it, the
/// stream ends with an error event and never with <c>[DONE]</c>, so no client mistakes a cut answer for a whole one.
/// When no pool has produced a first byte by a fraction of the request's latency budget, the next pool is asked
/// too (a hedge): the first to answer is relayed, the other is cancelled and traced as <c>hedge_lost</c>, unbilled.
/// Every call goes through its pool's circuit breaker, which also learns how the call went.
/// </summary>
internal sealed class PoolForwarder(
    RegionalSettings settings, PoolChoiceSettings choice, PoolLoadBoard board, PoolBreakers breakers, IHttpClientFactory httpClients, TimeProvider time, ILogger<PoolForwarder> logger)
{
    public const string ClientName = "pools";

    /// <summary>Answers without max_tokens are rarely longer than this; beyond it the configured response limit still applies.</summary>
    private const int AssumedMaxTokens = 4096;

    /// <summary>Marks a call that has its first byte (or a whole answer) and may be relayed; never traced.</summary>
    private const string Answering = "answering";

    private static readonly byte[] DoneEvent = Encoding.UTF8.GetBytes($"data: {SseReader.Done}\n\n");

    public async Task<ForwardResult> ForwardAsync(
        HttpContext http, RequestTags tags, ChatRequest request, ReadOnlyMemory<byte> body, IReadOnlyList<AvailablePool> candidates, long startedAt)
    {
        var aborted = http.RequestAborted;

        // Every pool out (the router then offers them all): try them anyway, past their breakers.
        var bypass = candidates.All(c => !breakers.Health(c.Pool.Id).Admits);
        var calls = new List<PoolCall>();
        var running = new List<PoolCall>();
        var next = 0;
        using var hedgeCts = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var hedge = HedgeAfter(tags.LatencyBudgetMs, choice) is { } after && candidates.Count > 1
            ? Task.Delay(Max(TimeSpan.Zero, after - time.GetElapsedTime(startedAt)), time, hedgeCts.Token)
            : null;
        try
        {
            while (running.Count > 0 || StartNext())
            {
                var waits = running.Select(c => (Task)c.Ready).ToList();
                if (hedge is not null && next < candidates.Count)
                {
                    waits.Add(hedge);
                }

                var done = await Task.WhenAny(waits);
                if (done == hedge)
                {
                    hedge = null;
                    if (!aborted.IsCancellationRequested)
                    {
                        StartNext();
                    }

                    continue;
                }

                var call = running.First(c => c.Ready == done);
                running.Remove(call);
                var outcome = await call.Ready;
                if (outcome is null)
                {
                    continue;
                }

                if (outcome == Answering)
                {
                    await AbandonAsync(running, tags, request);
                    var end = await RelayAsync(http, tags, request, call, startedAt);
                    End(call, tags, request, end);
                    return new ForwardResult(end.Outcome, call.Pool.Pool.Id, call.Pool.Pool.Model.Id, end.TimeToFirstToken, end.Capture, Attempts());
                }

                End(call, tags, request, AttemptEnd.Failed(outcome));
                if (outcome == Outcomes.ClientCancelled)
                {
                    await AbandonAsync(running, tags, request);
                    return new ForwardResult(outcome, call.Pool.Pool.Id, call.Pool.Pool.Model.Id, null, null, Attempts());
                }

                Log.PoolAttemptFailed(logger, tags.RequestId, call.Pool.Pool.Id, outcome);
            }
        }
        finally
        {
            await hedgeCts.CancelAsync();
            foreach (var call in calls)
            {
                await call.DisposeAsync();
            }
        }

        // Nothing has been sent: the edge may now try another zone if the request's class allows it.
        PlatformHeaders.Set(http.Response, settings.Zone.Id, tags, null);
        await OpenAiError.Result(
            StatusCodes.Status503ServiceUnavailable,
            $"No model server of zone {settings.Zone.Id} could serve the request.",
            Outcomes.ZoneUnavailable).ExecuteAsync(http);
        return new ForwardResult(Outcomes.ZoneUnavailable, null, null, null, null, Attempts());

        bool StartNext()
        {
            if (next >= candidates.Count)
            {
                return false;
            }

            var call = new PoolCall(candidates[next++], time.GetTimestamp(), aborted);
            call.Ready = RunAsync(http, tags, request, body, call, bypass);
            calls.Add(call);
            running.Add(call);
            return true;
        }

        // In the order the calls were made; a call its circuit refused was never made.
        IReadOnlyList<PoolAttempt> Attempts() => calls.Select(c => c.Attempt).OfType<PoolAttempt>().ToArray();
    }

    /// <summary>When to ask a second pool if none has produced a first byte: a fraction of the latency budget, counted from arrival; null when hedging is off or there is no budget.</summary>
    internal static TimeSpan? HedgeAfter(int latencyBudgetMs, PoolChoiceSettings choice) =>
        choice.HedgingEnabled && latencyBudgetMs > 0 ? TimeSpan.FromMilliseconds(latencyBudgetMs * choice.HedgeAfterBudgetFraction) : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Runs a call to its first byte through the pool's breaker; null when the breaker refused it.</summary>
    private async Task<string?> RunAsync(HttpContext http, RequestTags tags, ChatRequest request, ReadOnlyMemory<byte> body, PoolCall call, bool bypass)
    {
        // Yield first, so a hedge's calls run side by side and each span stays in its own flow.
        await Task.Yield();
        return await breakers[call.Pool.Pool.Id].RunAsync(
            bypass,
            () =>
            {
                call.Span = RegionalTelemetry.StartPoolCall(http, tags, request, call.Pool);
                call.InFlight = board.Begin(call.Pool.Pool.Id);
                return PrepareAsync(http, tags, request, body, call);
            },
            outcome => outcome switch
            {
                Answering => new AttemptVerdict(false, request.Stream ? call.FirstByteMs : null, true),
                Outcomes.HedgeLost or Outcomes.ClientCancelled => new AttemptVerdict(false, null, false),
                _ => new AttemptVerdict(true, null, true),
            });
    }

    /// <summary>Cancels the calls that lost the race (their pools see the client go away) and traces them without usage.</summary>
    private async Task AbandonAsync(List<PoolCall> losers, RequestTags tags, ChatRequest request)
    {
        foreach (var loser in losers)
        {
            loser.Lost = true;
            await loser.Cts.CancelAsync();
        }

        foreach (var loser in losers)
        {
            // A loser that failed on its own keeps its failure; one that was still running (or answered too late) lost the race.
            if (await loser.Ready is { } outcome)
            {
                End(loser, tags, request, AttemptEnd.Failed(outcome is Answering or Outcomes.ClientCancelled ? Outcomes.HedgeLost : outcome));
            }
        }

        losers.Clear();
    }

    private void End(PoolCall call, RequestTags tags, ChatRequest request, AttemptEnd end)
    {
        var duration = time.GetElapsedTime(call.Start);
        RegionalTelemetry.EndPoolCall(call.Span, tags, request, call.Pool, new PoolCallEnd(
            end.Outcome, duration, end.FirstByteMs is { } fb ? TimeSpan.FromMilliseconds(fb) : null, end.Capture?.Usage, end.Capture?.FinishReason));
        call.InFlight?.Dispose();
        call.Attempt = new PoolAttempt(call.Pool.Pool.Id, end.Outcome, end.FirstByteMs, duration.TotalMilliseconds);
    }

    /// <summary>A pool's first byte may take this long: the request's latency budget, but never less than twice what the pool needs nor more than configured.</summary>
    internal static TimeSpan FirstByteTimeout(int latencyBudgetMs, AvailablePool pool, TimeSpan max)
    {
        var floor = TimeSpan.FromMilliseconds(2.0 * pool.Pool.Performance.TtftMs);
        var budget = latencyBudgetMs > 0 ? TimeSpan.FromMilliseconds(latencyBudgetMs) : max;
        return budget < floor ? (floor < max ? floor : max) : (budget < max ? budget : max);
    }

    /// <summary>
    /// A whole completion's first byte comes only after the last token: allow the first-byte time plus twice the pool's
    /// nominal time for the tokens asked for, so a hung pool is left long before the configured response limit.
    /// </summary>
    internal static TimeSpan CompletionTimeout(int? maxTokens, AvailablePool pool, TimeSpan firstByte, TimeSpan max)
    {
        var generating = TimeSpan.FromSeconds(2.0 * (maxTokens ?? AssumedMaxTokens) / Math.Max(1, pool.Pool.Performance.TokensPerSecond));
        return firstByte + generating < max ? firstByte + generating : max;
    }

    /// <summary>Sends the request and waits for the pool's first byte (a whole completion: its whole answer); <see cref="Answering"/> or the failure.</summary>
    private async Task<string> PrepareAsync(HttpContext http, RequestTags tags, ChatRequest request, ReadOnlyMemory<byte> body, PoolCall call)
    {
        var aborted = http.RequestAborted;
        var pool = call.Pool;
        var firstByte = FirstByteTimeout(tags.LatencyBudgetMs, pool, settings.FirstByteTimeout);
        call.Cts.CancelAfter(request.Stream ? firstByte : CompletionTimeout(request.MaxTokens, pool, firstByte, settings.ResponseTimeout));

        var (poolBody, clientWantsUsage) = PoolBody.For(body, pool.Pool.Model.Id, request.Stream);
        call.ClientWantsUsage = clientWantsUsage;
        call.Message = new HttpRequestMessage(HttpMethod.Post, pool.ChatCompletions)
        {
            Content = new ByteArrayContent(poolBody),
        };
        call.Message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (pool.Key is { } key)
        {
            // The platform's own key with the provider; the client's credentials never leave the edge.
            call.Message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Value);
        }

        try
        {
            var token = call.Cts.Token;
            var response = call.Response = await httpClients.CreateClient(ClientName).SendAsync(call.Message, HttpCompletionOption.ResponseHeadersRead, token);
            var status = call.Status = (int)response.StatusCode;
            if (status >= 500 || status == StatusCodes.Status429TooManyRequests || IsProviderRefusal(pool, status))
            {
                return Outcomes.PoolStatus(status);
            }

            if (!response.IsSuccessStatusCode || !request.Stream)
            {
                // A 4xx is the pool judging the request itself (bad parameters, context too long): another pool would say the same.
                call.Whole = await response.Content.ReadAsByteArrayAsync(token);
            }
            else
            {
                // Wait for the pool's first event before answering: until then a failure can still go to the next pool.
                call.Events = SseReader.ReadDataAsync(await response.Content.ReadAsStreamAsync(token), token).GetAsyncEnumerator(token);
                if (!await call.Events.MoveNextAsync())
                {
                    return Outcomes.EmptyStream;
                }
            }

            call.FirstByteMs = time.GetElapsedTime(call.Start).TotalMilliseconds;
            return Answering;
        }
        catch (Exception e) when (IsPoolFailure(e, aborted))
        {
            return call.Lost && !aborted.IsCancellationRequested ? Outcomes.HedgeLost : FailureOutcome(e, aborted);
        }
    }

    /// <summary>Relays the answer of the call that won; from here no other pool may answer this request.</summary>
    private async Task<AttemptEnd> RelayAsync(HttpContext http, RequestTags tags, ChatRequest request, PoolCall call, long startedAt)
    {
        var aborted = http.RequestAborted;
        if (call.Events is not null)
        {
            return await RelayStreamAsync(http, tags, call, startedAt);
        }

        var capture = call.Status == StatusCodes.Status200OK ? new ResponseCapture() : null;
        capture?.AddCompletion(call.Whole);
        var ttft = capture is null ? (TimeSpan?)null : time.GetElapsedTime(startedAt);
        var outcome = capture is null ? Outcomes.PoolStatus(call.Status) : Outcomes.Ok;
        try
        {
            await RelayWholeAsync(http, tags, call.Pool, call.Status, call.Response!, call.Whole!, aborted);
        }
        catch (Exception e) when (IsPoolFailure(e, aborted))
        {
            outcome = FailureOutcome(e, aborted);
        }

        return new AttemptEnd(outcome, true, call.FirstByteMs, ttft, capture);
    }

    private async Task<AttemptEnd> RelayStreamAsync(HttpContext http, RequestTags tags, PoolCall call, long startedAt)
    {
        var aborted = http.RequestAborted;
        var events = call.Events!;
        var firstByte = call.FirstByteMs;
        var capture = new ResponseCapture();
        TimeSpan? ttft = null;
        var r = http.Response;
        var done = false;
        try
        {
            r.StatusCode = StatusCodes.Status200OK;
            r.ContentType = "text/event-stream";
            r.Headers.CacheControl = "no-cache";
            PlatformHeaders.Set(r, settings.Zone.Id, tags, call.Pool.Pool.Id);
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await r.StartAsync(aborted);
            do
            {
                // A pool that goes quiet for longer than a first byte may take has stalled.
                call.Cts.CancelAfter(settings.FirstByteTimeout);
                var payload = events.Current;
                if (payload == SseReader.Done)
                {
                    done = true;
                    await r.Body.WriteAsync(DoneEvent, aborted);
                }
                else
                {
                    var (firstToken, usageOnly) = capture.AddChunk(payload);
                    if (firstToken)
                    {
                        ttft = time.GetElapsedTime(startedAt);
                    }

                    // A client that did not ask for usage may read choices[0] of every chunk; the usage-only one has none.
                    if (!usageOnly || call.ClientWantsUsage)
                    {
                        await r.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {payload}\n\n"), aborted);
                    }
                }

                await r.Body.FlushAsync(aborted);
            }
            while (await events.MoveNextAsync());
        }
        catch (Exception e) when (IsPoolFailure(e, aborted))
        {
            if (aborted.IsCancellationRequested)
            {
                return new AttemptEnd(Outcomes.ClientCancelled, true, firstByte, ttft, capture);
            }
        }

        if (done)
        {
            return new AttemptEnd(Outcomes.Ok, true, firstByte, ttft, capture);
        }

        // The pool stopped mid-answer. The client already has part of it, so no other pool can take over.
        try
        {
            await r.Body.WriteAsync(InterruptedEvent(settings.Zone.Id), aborted);
            await r.Body.FlushAsync(aborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return new AttemptEnd(Outcomes.ClientCancelled, true, firstByte, ttft, capture);
        }

        return new AttemptEnd(Outcomes.UpstreamInterrupted, true, firstByte, ttft, capture);
    }

    private async Task RelayWholeAsync(HttpContext http, RequestTags tags, AvailablePool pool, int status, HttpResponseMessage response, byte[] body, CancellationToken aborted)
    {
        var r = http.Response;
        r.StatusCode = status;
        r.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        r.ContentLength = body.Length;
        PlatformHeaders.Set(r, settings.Zone.Id, tags, pool.Pool.Id);
        await r.Body.WriteAsync(body, aborted);
    }

    private static byte[] InterruptedEvent(string zone) =>
        Encoding.UTF8.GetBytes("data: " + JsonSerializer.Serialize(new OpenAiErrorBody(new OpenAiError(
            $"The model server in zone {zone} stopped before the answer was complete.", "server_error", null, Outcomes.UpstreamInterrupted))) + "\n\n");

    /// <summary>
    /// A provider refusing our key (401, 403) judges the platform's configuration, not the client's request: the next
    /// pool is tried, and the client never reads a refusal of credentials it did not send.
    /// </summary>
    private static bool IsProviderRefusal(AvailablePool pool, int status) =>
        pool.Provider is not null && status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden;

    private static string FailureOutcome(Exception e, CancellationToken aborted) =>
        aborted.IsCancellationRequested ? Outcomes.ClientCancelled : e is OperationCanceledException ? Outcomes.FirstByteTimeout : Outcomes.ConnectionError;

    private static bool IsPoolFailure(Exception e, CancellationToken aborted) =>
        e is HttpRequestException or IOException or OperationCanceledException || aborted.IsCancellationRequested;

    private sealed record AttemptEnd(string Outcome, bool Committed, double? FirstByteMs, TimeSpan? TimeToFirstToken, ResponseCapture? Capture)
    {
        public static AttemptEnd Failed(string outcome) => new(outcome, false, null, null, null);
    }
}
