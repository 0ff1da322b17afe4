using System.Text.Json;
using Platform.Contracts.OpenAi;
using Platform.GpuPools.Simulator.Faults;
using Platform.GpuPools.Simulator.Generation;
using Platform.GpuPools.Simulator.Hosting;
using Platform.GpuPools.Simulator.Metrics;
using Platform.GpuPools.Simulator.Scheduling;

namespace Platform.GpuPools.Simulator.Serving;

/// <summary>
/// Serves one chat completion the way vLLM's OpenAI server does: validate, queue for a slot, wait the pool's
/// time to first token, then produce the planned tokens at the pool's rate, streamed as SSE chunks or as one
/// JSON body, with the current faults applied.
/// </summary>
internal sealed class ChatEngine(
    SimulatorSettings settings,
    PoolFaults faults,
    ConcurrencyGate gate,
    PoolMetrics metrics,
    TimeProvider time,
    ILogger<ChatEngine> logger)
{
    private const string ChunkObject = "chat.completion.chunk";
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] DoneEvent = "data: [DONE]\n\n"u8.ToArray();

    private static readonly TimeSpan DropGrace = TimeSpan.FromMilliseconds(20);

    private readonly TokenTiming _timing = TokenTiming.For(settings.Pool.Performance, settings.SpeedFactor);

    public async Task<IResult> CompleteAsync(HttpContext context)
    {
        var arrived = time.GetTimestamp();
        var record = new RequestRecord();
        try
        {
            return await ServeAsync(context, arrived, record);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (or its timeout fired); the slot was freed by the using in ServeAsync.
            if (record.Outcome == "running")
            {
                metrics.Finished("abort", time.GetElapsedTime(arrived));
            }

            record.Outcome = "cancelled";
            record.Status = 499;
            return Results.Empty;
        }
        finally
        {
            var total = time.GetElapsedTime(arrived);
            SimulatorLog.Request(
                logger, settings.Pool.Id, record.Outcome, record.Status, record.PromptTokens, record.CompletionTokens,
                (long)record.Queued.TotalMilliseconds, (long?)record.FirstToken?.TotalMilliseconds, (long)total.TotalMilliseconds);
        }
    }

    private async Task<IResult> ServeAsync(HttpContext context, long arrived, RequestRecord record)
    {
        var cancellation = context.RequestAborted;
        if (await ReadBodyAsync(context.Request, cancellation) is not { } body)
        {
            record.Status = StatusCodes.Status413PayloadTooLarge;
            return OpenAiError.Result(record.Status, $"The request body exceeds {ChatRequest.MaxBodyBytes} bytes.", "request_too_large");
        }

        var (request, error, param) = ChatRequest.Parse(body);
        if (request is null)
        {
            record.Status = StatusCodes.Status400BadRequest;
            return OpenAiError.BadRequest(error!, param: param);
        }

        var model = settings.Pool.Model;
        if (request.Model != model.Id)
        {
            record.Status = StatusCodes.Status404NotFound;
            return OpenAiError.Result(record.Status, $"The model `{request.Model}` does not exist.", "model_not_found", "model");
        }

        var fault = faults.Current;
        if (faults.DrawError(fault))
        {
            record.Outcome = "error";
            record.Status = StatusCodes.Status500InternalServerError;
            return OpenAiError.Result(record.Status, "The engine failed (simulated fault Simulator:Faults:ErrorRate).", "simulated_error");
        }

        record.PromptTokens = TokenCounter.CountPrompt(request.Messages);
        var plan = ReplyPlan.Fit(
            Judge.IsJudgeRequest(request.Messages) ? Judge.Verdict(request.Messages, fault.JudgeRejectRate) : TextGenerator.Generate(request.Messages, model.Reasoning),
            request.MaxTokens);

        record.Outcome = "queued";
        var queued = time.GetTimestamp();
        using var slot = await gate.EnterAsync(record.PromptTokens, cancellation);
        var admitted = time.GetTimestamp();
        record.Queued = time.GetElapsedTime(queued, admitted);
        record.Outcome = "running";
        metrics.Prompt(record.PromptTokens);

        if (fault.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellation);
        }

        if (fault.ExtraLatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.ExtraLatencyMs), time, cancellation);
        }

        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var usage = new Usage(
            record.PromptTokens, plan.CompletionTokens, record.PromptTokens + plan.CompletionTokens, new CompletionTokensDetails(plan.Reasoning.Count));
        var run = new Run(plan, fault.DropBefore(plan.CompletionTokens), slot, arrived, admitted, record);

        IResult result = Results.Empty;
        if (request.Stream)
        {
            var response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            await WriteEventAsync(response, Chunk(id, created, new ChatMessage("assistant", "", null), null), cancellation);
            var completed = await GenerateAsync(
                run,
                (text, isReasoning, isLast) => WriteEventAsync(
                    response,
                    Chunk(id, created, isReasoning ? new ChatMessage(null, null, text) : new ChatMessage(null, text, null), isLast ? plan.FinishReason : null),
                    cancellation),
                cancellation);
            if (!completed)
            {
                return Drop(context, run);
            }

            if (StreamOptions.IncludeUsage(body))
            {
                await WriteEventAsync(response, new ChatCompletion(id, ChunkObject, created, model.Id, [], usage), cancellation);
            }

            await response.Body.WriteAsync(DoneEvent, cancellation);
        }
        else
        {
            if (!await GenerateAsync(run, (_, _, _) => Task.CompletedTask, cancellation))
            {
                return Drop(context, run);
            }

            var message = new ChatMessage(
                "assistant",
                plan.Answer.Count > 0 || !model.Reasoning ? string.Concat(plan.Answer) : null,
                model.Reasoning ? string.Concat(plan.Reasoning) : null);
            result = Results.Json(
                new ChatCompletion(id, "chat.completion", created, model.Id, [new ChatChoice(0, message, null, plan.FinishReason)], usage),
                SimulatorJson.Options);
        }

        record.Outcome = plan.FinishReason;
        metrics.Finished(plan.FinishReason, time.GetElapsedTime(arrived));
        return result;
    }

    /// <summary>Produces the plan's tokens on the pool's schedule; false if the DropAfterTokens fault cut it short.</summary>
    private async Task<bool> GenerateAsync(Run run, Func<string, bool, bool, Task> emit, CancellationToken cancellation)
    {
        var index = 0;
        foreach (var (text, isReasoning) in run.Plan.Tokens)
        {
            var wait = _timing.DueAt(index) - time.GetElapsedTime(run.Admitted);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellation);
            }

            if (index == run.DropBefore)
            {
                // The connection breaks when this token is due. Tokens already flushed may still sit in Kestrel's
                // send queue, which an abort discards; the grace lets them out so the client sees exactly N.
                await Task.Delay(DropGrace, time, cancellation);
                return false;
            }

            if (index == 0)
            {
                run.Record.FirstToken = time.GetElapsedTime(run.Arrived);
                metrics.FirstToken(run.Record.FirstToken.Value);
            }

            metrics.Generated(1);
            run.Slot.AddGenerated(1);
            run.Record.CompletionTokens++;
            await emit(text, isReasoning, index == run.Plan.CompletionTokens - 1);
            index++;
        }

        return true;
    }

    private IResult Drop(HttpContext context, Run run)
    {
        run.Record.Outcome = "dropped";
        metrics.Finished("abort", time.GetElapsedTime(run.Arrived));
        context.Abort();
        return Results.Empty;
    }

    private ChatCompletion Chunk(string id, long created, ChatMessage delta, string? finishReason) =>
        new(id, ChunkObject, created, settings.Pool.Model.Id, [new ChatChoice(0, null, delta, finishReason)], null);

    private static async Task WriteEventAsync(HttpResponse response, ChatCompletion chunk, CancellationToken cancellation)
    {
        await response.Body.WriteAsync(DataPrefix, cancellation);
        await response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(chunk, SimulatorJson.Options), cancellation);
        await response.Body.WriteAsync(EventEnd, cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > ChatRequest.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private sealed record Run(ReplyPlan Plan, int? DropBefore, Slot Slot, long Arrived, long Admitted, RequestRecord Record);
}
