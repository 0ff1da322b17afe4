using System.Diagnostics;
using OpenTelemetry.Context.Propagation;

namespace Platform.Regional.Telemetry;

/// <summary>The W3C trace context the edge sent (<c>traceparent</c>), so a pool call's span joins the edge's trace.</summary>
internal static class TraceParent
{
    public static ActivityContext From(IHeaderDictionary headers)
    {
        var context = Propagators.DefaultTextMapPropagator.Extract(default, headers, static (h, name) => h.TryGetValue(name, out var v) ? [v.ToString()] : Array.Empty<string>());
        return context.ActivityContext.TraceId != default ? context.ActivityContext : Activity.Current?.Context ?? default;
    }
}
