using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Budgets;
using Platform.Regional.Costing;
using Platform.Regional.Forwarding;
using Platform.Regional.Prompts;
using Platform.Regional.Routing;
using Platform.Regional.Telemetry;
using Platform.Traces;

namespace Platform.Regional.Escalation;

/// <summary>
/// Serves a routed request above the forwarder: the zone's system prompt and reasoning budget go into the body sent to
/// the pool; an <c>auto</c> whole answer is judged by the zone's verifier and, when rejected, asked again one tier up;
/// the cost of everything paid for is added up and told to the client (header, or the final usage chunk of a stream).
/// </summary>
internal sealed class RequestServing(RegionalSettings settings, ComplianceModel model, PoolForwarder forwarder)
{
    public const string CostHeader = Platform.Contracts.Tags.InternalHeaders.CostUsd;
    public const string BudgetCappedHeader = Platform.Contracts.Tags.InternalHeaders.BudgetCapped;

    public async Task<ServedRequest> ServeAsync(
        HttpContext http, RequestTags tags, ChatRequest request, ReadOnlyMemory<byte> body, IReadOnlyList<AvailablePool> candidates,
        long started, Func<RequestTags, RouteDecision> route)
    {
        var zone = model.Routing.Of(settings.Zone.Id);
        var tier = candidates[0].Pool.Tier;
        var prompt = zone.SystemPromptFor(tags.Locale);
        var (poolRequest, poolBody, budget) = Prepare(request, body, prompt, tags, tier);

        if (request.Stream)
        {
            // The answer streams to the client as it comes: it cannot be judged first. Its cost rides on the usage chunk.
            var real = http.Response.Body;
            http.Response.Body = new CostStampingStream(real, usage => Costs.Of(CostKind.Answer, PoolOf(http.Response.Headers[InternalHeaders.Pool]), usage).Usd);
            try
            {
                var streamed = await forwarder.ForwardAsync(http, tags, poolRequest, poolBody, candidates, started);
                var streamedCost = streamed.Pool is null ? RequestCost.None : RequestCost.None.Add(Costs.Of(CostKind.Answer, PoolOf(streamed.Pool), streamed.Capture?.Usage));
                return Counted(new ServedRequest(streamed, tier, budget, budget.CappedBy(streamed.Capture?.FinishReason), prompt is not null, streamedCost, []));
            }
            finally
            {
                http.Response.Body = real;
            }
        }

        var first = await BufferedAsync(http, tags, poolRequest, poolBody, candidates, started);
        var cost = first.Result.Pool is null ? RequestCost.None : RequestCost.None.Add(Costs.Of(CostKind.Answer, PoolOf(first.Result.Pool), first.Result.Capture?.Usage));
        var served = new ServedRequest(first.Result, tier, budget, budget.CappedBy(first.Result.Capture?.FinishReason), prompt is not null, cost, []);
        var final = first;

        var facts = new EscalationFacts(settings.Zone.Id, tags.RequestedModel, request.Stream, tier, tags.MaxTier, zone.Verifier is not null, first.Answered);
        if (EscalationRule.ShouldJudge(facts))
        {
            var (verdict, verifierCost) = await JudgeAsync(http, tags, zone.Verifier!, request, first.Result.Capture?.Content ?? "", started);
            var promotion = EscalationRule.Promote(facts, verdict, settings.Routable.Select(p => p.Pool).ToArray());
            var answerCost = cost.TotalUsd;
            var promotedTo = (int?)null;
            if (promotion is not null
                && route(tags with { RequestedModel = EscalationRule.Auto, CostTier = promotion.Tier }) is { Status: RouteStatus.Routed } up
                && up.PoolIds.Where(promotion.PoolIds.Contains).Select(id => settings.Find(id)!).ToArray() is { Length: > 0 } higher)
            {
                var (upRequest, upBody, upBudget) = Prepare(request, body, prompt, tags, promotion.Tier);
                var second = await BufferedAsync(http, tags, upRequest, upBody, higher, started, scratch => RegionalTelemetry.NoteRoute(scratch, up.Reason, 1));
                if (second.Answered)
                {
                    promotedTo = promotion.Tier;
                    final = second;
                    var paid = cost.Parts.Select(p => p with { Kind = CostKind.Retry }).Aggregate(RequestCost.None, (c, p) => c.Add(p));
                    served = new ServedRequest(
                        second.Result with { Attempts = [.. first.Result.Attempts, .. second.Result.Attempts] },
                        promotion.Tier, upBudget, upBudget.CappedBy(second.Result.Capture?.FinishReason), prompt is not null,
                        paid.Add(Costs.Of(CostKind.Answer, PoolOf(second.Result.Pool!), second.Result.Capture?.Usage)), []);
                }
            }

            served = served with
            {
                Cost = served.Cost.Add(verifierCost),
                Escalations = [new TraceEscalation(tier, first.Result.Pool!, first.Result.Capture?.Content, verdict.Label, verdict.Score, promotedTo, answerCost, verifierCost?.Usd ?? 0)],
            };
        }

        await final.CopyToAsync(http, served);
        return Counted(served);
    }

    private ServedRequest Counted(ServedRequest served)
    {
        if (served.BudgetCapped)
        {
            BudgetMetrics.CountCapped(settings.Zone.Id, served.Budget);
        }

        return served;
    }

    private (ChatRequest Request, byte[] Body, BudgetDecision Budget) Prepare(ChatRequest request, ReadOnlyMemory<byte> body, string? prompt, RequestTags tags, int tier)
    {
        var budget = ReasoningBudget.Decide(model.Routing.LatencyClasses, model.Routing.Of(settings.Zone.Id), tags.LatencyBudgetMs, tier, request.MaxTokens);

        // ChatRequest.Parse has already accepted the body, so it is a JSON object.
        var json = JsonNode.Parse(body.Span)!.AsObject();
        if (prompt is not null)
        {
            SystemPrompts.Apply(json, prompt);
        }

        ReasoningBudget.Apply(json, budget);
        return (request with { MaxTokens = budget.Effective }, JsonSerializer.SerializeToUtf8Bytes(json), budget);
    }

    private async Task<(Verdict Verdict, CostPart? Cost)> JudgeAsync(HttpContext http, RequestTags tags, VerifierPolicy verifier, ChatRequest request, string answer, long started)
    {
        var pool = settings.Pools.FirstOrDefault(p => p.Pool.Id == verifier.PoolId);
        if (pool is null)
        {
            return (new Verdict(Verdict.VerifierUnavailable, null, true), null);
        }

        var body = JudgeRequest.Body(verifier, JudgeRequest.Question(request.Messages), answer);
        var (judgeRequest, _, _) = ChatRequest.Parse(body);
        var judged = await BufferedAsync(http, tags, judgeRequest!, body, [pool], started);
        var cost = judged.Result.Pool is null ? null : Costs.Of(CostKind.Verifier, pool.Pool, judged.Result.Capture?.Usage);
        return judged.Answered
            ? (Verdict.Parse(judged.Result.Capture?.Content, verifier.PassThreshold), cost)
            : (new Verdict(Verdict.VerifierUnavailable, null, true), cost);
    }

    /// <summary>Forwards into a scratch response, so the answer can be judged (and headers added) before the client sees a byte.</summary>
    private async Task<Buffered> BufferedAsync(
        HttpContext http, RequestTags tags, ChatRequest request, byte[] body, IReadOnlyList<AvailablePool> candidates, long started, Action<HttpContext>? note = null)
    {
        var scratch = new DefaultHttpContext { RequestServices = http.RequestServices, RequestAborted = http.RequestAborted };

        // The pool call still belongs to this request: its headers (traceparent) and notes (the route) go along.
        foreach (var (name, value) in http.Request.Headers)
        {
            scratch.Request.Headers[name] = value;
        }

        foreach (var (key, value) in http.Items)
        {
            scratch.Items[key] = value;
        }

        note?.Invoke(scratch);
        using var buffer = new MemoryStream();
        scratch.Response.Body = buffer;
        var result = await forwarder.ForwardAsync(scratch, tags, request, body, candidates, started);
        return new Buffered(result, scratch.Response.StatusCode, scratch.Response.Headers.ToArray(), buffer.ToArray());
    }

    private Pool PoolOf(string? poolId) => settings.Find(poolId)!.Pool;

    private sealed record Buffered(ForwardResult Result, int Status, KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>[] Headers, byte[] Body)
    {
        public bool Answered => Result.Outcome == Outcomes.Ok && Status == StatusCodes.Status200OK;

        public async Task CopyToAsync(HttpContext http, ServedRequest served)
        {
            var r = http.Response;
            r.StatusCode = Status;
            foreach (var (name, value) in Headers)
            {
                r.Headers[name] = value;
            }

            if (Result.Pool is not null)
            {
                r.Headers[CostHeader] = served.Cost.TotalUsd.ToString("0.##########", CultureInfo.InvariantCulture);
            }

            if (served.BudgetCapped)
            {
                r.Headers[BudgetCappedHeader] = "true";
            }

            await r.Body.WriteAsync(Body, http.RequestAborted);
        }
    }
}
