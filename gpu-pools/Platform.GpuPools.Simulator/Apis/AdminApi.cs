using System.Text.Json;
using Platform.Contracts.OpenAi;
using Platform.GpuPools.Simulator.Faults;

namespace Platform.GpuPools.Simulator.Apis;

/// <summary>Reads and replaces the pool's faults at run time; reachable even while the pool is Down.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/faults", Get);
        admin.MapPut("/faults", Put);
    }

    public static IResult Get(PoolFaults faults) => Results.Json(faults.Current, ChatWire.Json);

    public static async Task<IResult> Put(HttpRequest request, PoolFaults faults)
    {
        FaultSettings? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync<FaultSettings>(request.Body, ChatWire.Json, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return OpenAiError.BadRequest("The body must be a JSON object like {\"error_rate\":0,\"hang\":false,\"drop_after_tokens\":null,\"down\":false}.");
        }

        if (settings is null)
        {
            return OpenAiError.BadRequest("The body must be a JSON object.");
        }

        if (settings.Problem() is { } problem)
        {
            return OpenAiError.BadRequest(problem);
        }

        faults.Set(settings);
        return Results.Json(settings, ChatWire.Json);
    }
}
