using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Routing;
using Platform.Traces;

namespace Platform.Regional.Forwarding;

/// <summary>
/// Sends a request to the chosen pools in order until one answers, relaying its answer as it arrives.
/// Until the first byte reaches the client, any pool failure moves on to the next pool; after it, the
/// stream ends with an error event and never with <c>[DONE]</c>, so no client mistakes a cut answer for a whole one.
/// </summary>
internal sealed class PoolForwarder(RegionalSettings settings, PoolLoadBoard board, IHttpClientFactory httpClients, TimeProvider time, ILogger<PoolForwarder> logger)
{
    public const string ClientName = "pools";

    /// <summary>Answers without max_tokens are rarely longer than this; beyond it the configured response limit still applies.</summary>
    private const int AssumedMaxTokens = 4096;

    private static readonly byte[] DoneEvent = Encoding.UTF8.GetBytes($"data: {SseReader.Done}\n\n");

    public async Task<ForwardResult> ForwardAsync(
        HttpContext http, RequestTags tags, ChatRequest request, ReadOnlyMemory<byte> body, IReadOnlyList<AvailablePool> candidates, long startedAt)
    {
        var attempts = new List<PoolAttempt>();
        foreach (var pool in candidates)
        {
            var attemptStart = time.GetTimestamp();
            AttemptEnd end;
            using (board.Begin(pool.Pool.Id))
            {
                end = await AttemptAsync(http, tags, request, body, pool, attemptStart, startedAt);
            }

            attempts.Add(new PoolAttempt(pool.Pool.Id, end.Outcome, end.FirstByteMs, time.GetElapsedTime(attemptStart).TotalMilliseconds));
            if (end.Committed || end.Outcome == Outcomes.ClientCancelled)
            {
                return new ForwardResult(end.Outcome, pool.Pool.Id, pool.Pool.Model.Id, end.TimeToFirstToken, end.Capture, attempts);
            }

            board.RecordError(pool.Pool.Id, time.GetUtcNow());
            Log.PoolAttemptFailed(logger, tags.RequestId, pool.Pool.Id, end.Outcome);
        }

        // Nothing has been sent: the edge may now try another zone if the request's class allows it.
        PlatformHeaders.Set(http.Response, settings.Zone.Id, tags, null);
        await OpenAiError.Result(
            StatusCodes.Status503ServiceUnavailable,
            $"No model server of zone {settings.Zone.Id} could serve the request.",
            Outcomes.ZoneUnavailable).ExecuteAsync(http);
        return new ForwardResult(Outcomes.ZoneUnavailable, null, null, null, null, attempts);
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

    private async Task<AttemptEnd> AttemptAsync(
        HttpContext http, RequestTags tags, ChatRequest request, ReadOnlyMemory<byte> body, AvailablePool pool, long attemptStart, long startedAt)
    {
        var aborted = http.RequestAborted;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var firstByte = FirstByteTimeout(tags.LatencyBudgetMs, pool, settings.FirstByteTimeout);
        cts.CancelAfter(request.Stream ? firstByte : CompletionTimeout(request.MaxTokens, pool, firstByte, settings.ResponseTimeout));

        var (poolBody, clientWantsUsage) = PoolBody.For(body, pool.Pool.Model.Id, request.Stream);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(pool.Endpoint, "v1/chat/completions"))
        {
            Content = new ByteArrayContent(poolBody),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        }
        catch (Exception e) when (IsPoolFailure(e, aborted))
        {
            return AttemptEnd.Failed(FailureOutcome(e, aborted));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status >= 500 || status == StatusCodes.Status429TooManyRequests)
            {
                return AttemptEnd.Failed(Outcomes.PoolStatus(status));
            }

            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    // The pool judged the request itself (bad parameters, context too long): another pool would say the same.
                    var error = await response.Content.ReadAsByteArrayAsync(cts.Token);
                    await RelayWholeAsync(http, tags, pool, status, response, error, aborted);
                    return new AttemptEnd(Outcomes.PoolStatus(status), true, time.GetElapsedTime(attemptStart).TotalMilliseconds, null, null);
                }

                return request.Stream
                    ? await RelayStreamAsync(http, tags, pool, response, clientWantsUsage, cts, attemptStart, startedAt)
                    : await RelayCompletionAsync(http, tags, pool, response, attemptStart, startedAt, cts.Token);
            }
            catch (Exception e) when (IsPoolFailure(e, aborted))
            {
                // Once the client has a byte from this pool no other pool may answer it.
                return http.Response.HasStarted
                    ? new AttemptEnd(FailureOutcome(e, aborted), true, null, null, null)
                    : AttemptEnd.Failed(FailureOutcome(e, aborted));
            }
        }
    }

    private async Task<AttemptEnd> RelayCompletionAsync(
        HttpContext http, RequestTags tags, AvailablePool pool, HttpResponseMessage response, long attemptStart, long startedAt, CancellationToken token)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(token);
        var firstByte = time.GetElapsedTime(attemptStart).TotalMilliseconds;
        var capture = new ResponseCapture();
        capture.AddCompletion(bytes);
        var ttft = time.GetElapsedTime(startedAt);
        await RelayWholeAsync(http, tags, pool, StatusCodes.Status200OK, response, bytes, http.RequestAborted);
        return new AttemptEnd(Outcomes.Ok, true, firstByte, ttft, capture);
    }

    private async Task<AttemptEnd> RelayStreamAsync(
        HttpContext http, RequestTags tags, AvailablePool pool, HttpResponseMessage response, bool clientWantsUsage, CancellationTokenSource cts, long attemptStart, long startedAt)
    {
        var aborted = http.RequestAborted;
        var capture = new ResponseCapture();
        TimeSpan? ttft = null;
        var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        await using var events = SseReader.ReadDataAsync(stream, cts.Token).GetAsyncEnumerator(cts.Token);

        // Wait for the pool's first event before answering: until then a failure can still go to the next pool.
        if (!await events.MoveNextAsync())
        {
            return AttemptEnd.Failed(Outcomes.EmptyStream);
        }

        var firstByte = time.GetElapsedTime(attemptStart).TotalMilliseconds;
        var r = http.Response;
        r.StatusCode = StatusCodes.Status200OK;
        r.ContentType = "text/event-stream";
        r.Headers.CacheControl = "no-cache";
        PlatformHeaders.Set(r, settings.Zone.Id, tags, pool.Pool.Id);
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await r.StartAsync(aborted);

        var done = false;
        try
        {
            do
            {
                // A pool that goes quiet for longer than a first byte may take has stalled.
                cts.CancelAfter(settings.FirstByteTimeout);
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
                    if (!usageOnly || clientWantsUsage)
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

    private static string FailureOutcome(Exception e, CancellationToken aborted) =>
        aborted.IsCancellationRequested ? Outcomes.ClientCancelled : e is OperationCanceledException ? Outcomes.FirstByteTimeout : Outcomes.ConnectionError;

    private static bool IsPoolFailure(Exception e, CancellationToken aborted) =>
        e is HttpRequestException or IOException or OperationCanceledException || aborted.IsCancellationRequested;

    private sealed record AttemptEnd(string Outcome, bool Committed, double? FirstByteMs, TimeSpan? TimeToFirstToken, ResponseCapture? Capture)
    {
        public static AttemptEnd Failed(string outcome) => new(outcome, false, null, null, null);
    }
}
