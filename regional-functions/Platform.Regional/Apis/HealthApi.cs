namespace Platform.Regional.Apis;

internal sealed record Health(string Status, string Zone, int PoolsAvailable, int PoolsUnavailable);

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Check);
        return app;
    }

    /// <summary>The process is up; how many of the zone's pools it can reach is for the operator, not a failure.</summary>
    internal static IResult Check(RegionalSettings settings) =>
        Results.Json(new Health("ok", settings.Zone.Id, settings.Pools.Count, settings.UnavailablePools.Count), Platform.Contracts.OpenAi.ChatWire.Json);
}
