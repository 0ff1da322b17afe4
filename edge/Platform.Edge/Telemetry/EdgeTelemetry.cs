using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using Platform.Contracts.Tags;
using Platform.Edge.Apis;

namespace Platform.Edge.Telemetry;

/// <summary>
/// One span per chat request at the edge (GenAI names from open-telemetry/semantic-conventions docs/gen-ai/gen-ai-spans.md,
/// plus ours), whose context goes to the regional function in <c>traceparent</c> so its pool-call spans are children.
/// Attribute values are ids, zones, class and PII type names, numbers; never prompt text.
/// </summary>
internal static class EdgeTelemetry
{
    public const string SourceName = "Platform.Edge";

    private static readonly ActivitySource Source = new(SourceName);

    // W3C trace context itself, not Propagators.DefaultTextMapPropagator: that is a no-op until the SDK has been touched.
    private static readonly TraceContextPropagator W3C = new();

    public static Activity? StartRequest() => Source.StartActivity("chat", ActivityKind.Server);

    /// <summary>What the edge decided, once the request is read and tagged.</summary>
    public static void Decided(Activity? activity, EdgeRequest request, string edgeZone)
    {
        if (activity is null)
        {
            return;
        }

        activity.DisplayName = "chat " + request.Chat.Model;
        foreach (var (key, value) in EdgeSpanTags.Of(request, edgeZone))
        {
            activity.SetTag(key, value);
        }
    }

    /// <summary>Where the request was served (or that it was refused), from the status and the headers relayed to the client.</summary>
    public static void Ended(Activity? activity, HttpResponse response)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("http.response.status_code", response.StatusCode);
        if (response.Headers[InternalHeaders.ServedZone].FirstOrDefault() is { } served)
        {
            activity.SetTag("platform.zone", served);
        }

        if (response.Headers[InternalHeaders.Pool].FirstOrDefault() is { } pool)
        {
            activity.SetTag("platform.pool", pool);
        }

        if (response.StatusCode >= 400)
        {
            activity.SetTag("error.type", response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>Puts the current span's context on a forwarded request (W3C <c>traceparent</c>/<c>tracestate</c>).</summary>
    public static void Propagate(HttpRequestMessage request)
    {
        if (Activity.Current is { } current)
        {
            W3C.Inject(new PropagationContext(current.Context, Baggage.Current), request.Headers, static (h, name, value) =>
            {
                h.Remove(name);
                h.TryAddWithoutValidation(name, value);
            });
        }
    }
}
