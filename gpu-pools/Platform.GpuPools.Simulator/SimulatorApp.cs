namespace Platform.GpuPools.Simulator;

/// <summary>
/// A vLLM-compatible stand-in for one GPU pool of policies/pools.yaml: the OpenAI chat API, /health and
/// vLLM's Prometheus metrics, with the pool's model, speed and capacity, and injectable faults.
/// It is a simulator, not vLLM; a zone uses a real server by setting Regional:Pools:&lt;poolId&gt;:Endpoint.
/// </summary>
public static class SimulatorApp
{
    /// <summary>Builds (does not start) the simulator for the pool named by <c>Simulator:Pool</c>.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSimulator();
        var app = builder.Build();
        app.MapSimulator();
        return app;
    }
}
