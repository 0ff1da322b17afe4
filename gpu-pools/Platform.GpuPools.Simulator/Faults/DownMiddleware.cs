using Platform.Contracts.OpenAi;

namespace Platform.GpuPools.Simulator.Faults;

/// <summary>While the pool is Down, everything but /admin answers 503, as a dead vLLM behind a load balancer would.</summary>
internal sealed class DownMiddleware(RequestDelegate next, PoolFaults faults)
{
    public Task InvokeAsync(HttpContext context) =>
        faults.Current.Down && !context.Request.Path.StartsWithSegments("/admin")
            ? OpenAiError.Result(StatusCodes.Status503ServiceUnavailable, "The pool is down (simulated fault Simulator:Faults:Down).", "pool_down").ExecuteAsync(context)
            : next(context);
}
