using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Escalation;
using Platform.Regional.Forwarding;
using Platform.Regional.Routing;
using Platform.Regional.Tagging;
using Platform.Regional.Telemetry;
using Platform.Regional.Traces;
using Platform.Traces;
using Platform.Traces.Decisions;

namespace Platform.Regional.Apis;

internal static class ChatApi
{
    public const string LoggerCategory = "Platform.Regional.Chat";

    public static RouteGroupBuilder MapChatApi(this RouteGroupBuilder group)
    {
        group.MapPost("/chat/completions", CompleteAsync);
        return group;
    }

    internal static async Task CompleteAsync(
        HttpContext http, RegionalSettings settings, ComplianceModel model, TagGate gate, PoolRouter router,
        RequestServing serving, TraceQueue traces, IDecisionLog decisionLog, DecisionAppends decisions, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LoggerCategory);
        var started = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        var zone = settings.Zone.Id;

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            await RefuseAsync(http, logger, zone, 413, $"The request body is larger than {ChatRequest.MaxBodyBytes / (1024 * 1024)} MB.", "request_too_large");
            return;
        }

        var gated = gate.Check(http.Request.Headers, body.Value.Span);
        if (!gated.Admitted)
        {
            await RefuseAsync(http, logger, zone, gated.Status, gated.Message!, gated.Code!);
            return;
        }

        // From here the tags are trusted: every outcome is traced and logged under the request id.
        var tags = gated.Tags!;
        var (request, error, param) = ChatRequest.Parse(body.Value);
        if (request is null)
        {
            PlatformHeaders.Set(http.Response, zone, tags, null);
            await OpenAiError.BadRequest(error!, "invalid_request", param).ExecuteAsync(http);
            Finish(Untried("invalid_request"), 400, "not routed");
            return;
        }

        var route = router.Route(tags, request);
        if (route.Status != RouteStatus.Routed)
        {
            var (status, code, message) = route.Status switch
            {
                RouteStatus.UnknownModel => (404, "model_not_found", $"The model '{tags.RequestedModel}' does not exist. GET /v1/models lists this zone's models."),
                RouteStatus.AboveMaxTier => (403, "tier_not_allowed", $"The model '{tags.RequestedModel}' is above the tier this API key may use."),
                _ => (503, Outcomes.ZoneUnavailable, $"No model server of zone {zone} serves '{tags.RequestedModel}' now."),
            };
            PlatformHeaders.Set(http.Response, zone, tags, null);
            await OpenAiError.Result(status, message, code).ExecuteAsync(http);
            Finish(Untried(code), status, route.Reason);
            return;
        }

        RegionalTelemetry.NoteRoute(http, route.Reason);
        var candidates = route.PoolIds.Select(id => settings.Find(id)!).ToArray();
        var served = await serving.ServeAsync(http, tags, request, body.Value, candidates, started, t => router.Route(t, request));
        Finish(served.Forward, http.Response.StatusCode, route.Reason, served);

        ForwardResult Untried(string outcome) => new(outcome, null, null, null, null, []);

        void Finish(ForwardResult r, int status, string reason, ServedRequest? s = null)
        {
            var duration = time.GetElapsedTime(started);
            var usage = r.Capture?.Usage;
            Log.RequestCompleted(logger, tags.RequestId, zone, r.Pool, r.Outcome, status, duration.TotalMilliseconds, r.TimeToFirstToken?.TotalMilliseconds,
                usage?.PromptTokens, usage?.CompletionTokens, r.Attempts.Count, reason);
            traces.Enqueue(new TraceRecord(
                tags.RequestId, zone, tags, r.Pool, r.Model, startedAt, r.TimeToFirstToken?.TotalMilliseconds, duration.TotalMilliseconds,
                usage, r.Capture?.Reasoning, r.Capture?.Content, r.Outcome, r.Attempts)
            {
                Tier = r.Pool is null ? null : s?.Tier,
                CompletionTokenCap = s?.Budget.Effective,
                BudgetCapped = s?.BudgetCapped ?? false,
                SystemPromptAdded = s?.SystemPromptAdded ?? false,
                Escalations = s?.Escalations is { Count: > 0 } e ? e : null,
                Cost = s?.Cost.ToTrace(),
            });
            decisions.Append(decisionLog, DecisionEntry.For(tags, zone, time.GetUtcNow(), startedAt, r, status, s));
        }
    }

    /// <summary>The body, or null when it exceeds the limit; read whole because its hash is signed.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ChatRequest.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ChatRequest.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static async Task RefuseAsync(HttpContext http, ILogger logger, string zone, int status, string message, string code)
    {
        Log.Refused(logger, zone, status, code);
        await OpenAiError.Result(status, message, code).ExecuteAsync(http);
    }
}
