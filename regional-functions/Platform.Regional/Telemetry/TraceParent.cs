using System.Diagnostics;
using OpenTelemetry.Context.Propagation;

namespace Platform.Regional.Telemetry;

/// <summary>The W3C trace context the edge sent (<c>traceparent</c>), so a pool call's span joins the edge's trace.</summary>
internal static class TraceParent
{
    // W3C trace context itself, not Propagators.DefaultTextMapPropagator: that is a no-op until the SDK has been touched.
    private static readonly TraceContextPropagator W3C = new();

    public static ActivityContext From(IHeaderDictionary headers)
    {
        var context = W3C.Extract(default, headers, static (h, name) => h.TryGetValue(name, out var v) ? [v.ToString()] : Array.Empty<string>());
        return context.ActivityContext.TraceId != default ? context.ActivityContext : Activity.Current?.Context ?? default;
    }
}
