using Platform.Contracts.OpenAi;
using Platform.GpuPools.Simulator.Hosting;

namespace Platform.GpuPools.Simulator.Apis;

internal static class ModelsApi
{
    public const string OwnedBy = "simulator";

    public static void MapModelsApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/v1").MapGet("/models", List);

    /// <summary>The pool's one model, under the id clients send (what vLLM's --served-model-name is set to).</summary>
    public static IResult List(SimulatorSettings settings, TimeProvider time) =>
        Results.Json(
            new ModelList("list", [new ModelCard(settings.Pool.Model.Id, "model", time.GetUtcNow().ToUnixTimeSeconds(), OwnedBy)]),
            ChatWire.Json);
}
