using Platform.GpuPools.Simulator.Metrics;

namespace Platform.GpuPools.Simulator.Apis;

/// <summary>/health and /metrics, where vLLM serves them (the Down fault is applied by DownMiddleware before these).</summary>
internal static class OpsApi
{
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapOpsApi(this IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup("");
        ops.MapGet("/health", Health);
        ops.MapGet("/metrics", Scrape);
    }

    public static IResult Health() => Results.Ok();

    public static IResult Scrape(PoolMetrics metrics) => Results.Text(metrics.Render(), PrometheusContentType);
}
