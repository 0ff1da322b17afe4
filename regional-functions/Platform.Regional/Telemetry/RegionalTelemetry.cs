using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Forwarding;

namespace Platform.Regional.Telemetry;

/// <summary>
/// One span per pool call and the GenAI client metrics, named as the OpenTelemetry GenAI semantic conventions say
/// (open-telemetry/semantic-conventions, docs/gen-ai/gen-ai-spans.md and gen-ai-metrics.md): the regional function is
/// the GenAI client of its pools. Attribute values are ids, zones, class and PII type names and numbers; never prompt or answer text.
/// </summary>
internal static class RegionalTelemetry
{
    public const string SourceName = "Platform.Regional";

    /// <summary>Meters exported by the regional function: ours (and part A's counters, same name) and the trace spool's.</summary>
    public static readonly string[] MeterNames = [SourceName, "Platform.Traces"];

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);

    // Bucket boundaries from gen-ai-metrics.md (explicit bucket advice for each instrument).
    private static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage", "{token}", "Number of input and output tokens used.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    private static readonly double[] SecondsBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration", "s", "GenAI operation duration.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    // The current spec's name for streaming first-chunk latency (it SHOULD NOT be reported for non-streaming calls).
    private static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram(
        "gen_ai.client.operation.time_to_first_chunk", "s", "Time to receive the first chunk of a streamed response.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0] });

    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "platform.gen_ai.cost", "USD", "Spend on pool calls at the catalogue price, by zone and cost tier.");

    private const string RouteReasonKey = "platform.telemetry.route";

    /// <summary>Why the request went to these pools (and how many tiers it was promoted), for the pool-call spans that follow.</summary>
    public static void NoteRoute(HttpContext http, string reason, int tierPromotions = 0) =>
        http.Items[RouteReasonKey] = new RouteNote(reason, tierPromotions);

    /// <summary>Starts a pool call's span, a child of the edge's request span when the edge sent <c>traceparent</c>.</summary>
    public static Activity? StartPoolCall(HttpContext http, RequestTags tags, ChatRequest request, AvailablePool pool)
    {
        var parent = TraceParent.From(http.Request.Headers);
        var model = pool.Pool.Model.Id;
        var activity = Source.StartActivity($"chat {model}", ActivityKind.Client, parent);
        if (activity is null)
        {
            return null;
        }

        var note = http.Items[RouteReasonKey] as RouteNote;
        foreach (var (key, value) in PoolCallTags.Start(tags, request, pool.Pool, note?.Reason, note?.TierPromotions ?? 0))
        {
            activity.SetTag(key, value);
        }

        return activity;
    }

    /// <summary>Ends the span with the answer's usage and finish reason, and records the metrics (recorded whether or not the span is sampled).</summary>
    public static void EndPoolCall(Activity? activity, RequestTags tags, ChatRequest request, AvailablePool pool, PoolCallEnd end)
    {
        var facts = PoolCallTags.End(pool.Pool, request.Stream, end);
        if (activity is not null)
        {
            foreach (var (key, value) in facts.SpanTags)
            {
                activity.SetTag(key, value);
            }

            activity.SetStatus(end.Outcome == Outcomes.Ok ? ActivityStatusCode.Ok : ActivityStatusCode.Error, end.Outcome == Outcomes.Ok ? null : end.Outcome);
            activity.Dispose();
        }

        var common = PoolCallTags.MetricTags(tags, pool.Pool, end.Outcome);
        Duration.Record(end.Duration.TotalSeconds, common);
        if (request.Stream && end.FirstChunk is { } first)
        {
            TimeToFirstChunk.Record(first.TotalSeconds, common);
        }

        if (end.Usage is { } usage)
        {
            TokenUsage.Record(usage.PromptTokens, [.. common, new("gen_ai.token.type", "input")]);
            TokenUsage.Record(usage.CompletionTokens, [.. common, new("gen_ai.token.type", "output")]);
            Cost.Add((double)facts.CostUsd, common);
        }
    }

    private sealed record RouteNote(string Reason, int TierPromotions);
}
