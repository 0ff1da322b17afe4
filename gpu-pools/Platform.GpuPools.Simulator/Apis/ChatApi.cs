using Platform.GpuPools.Simulator.Serving;

namespace Platform.GpuPools.Simulator.Apis;

internal static class ChatApi
{
    public static void MapChatApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/v1").MapPost("/chat/completions", Complete);

    public static Task<IResult> Complete(HttpContext context, ChatEngine engine) => engine.CompleteAsync(context);
}
