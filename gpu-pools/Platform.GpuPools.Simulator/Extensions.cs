using Platform.GpuPools.Simulator.Apis;
using Platform.GpuPools.Simulator.Faults;
using Platform.GpuPools.Simulator.Hosting;
using Platform.GpuPools.Simulator.Metrics;
using Platform.GpuPools.Simulator.Scheduling;
using Platform.GpuPools.Simulator.Serving;

namespace Platform.GpuPools.Simulator;

internal static class Extensions
{
    public static void AddSimulator(this WebApplicationBuilder builder)
    {
        // Resolved here, not lazily, so an unknown pool id stops the app before it listens.
        var settings = SimulatorSettings.From(builder.Configuration);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PoolFaults(FaultSettings.From(builder.Configuration), FaultRandom(builder.Configuration)));
        services.AddSingleton(new ConcurrencyGate(settings.Pool.MaxConcurrency));
        services.AddSingleton<PoolMetrics>();
        services.AddSingleton<ChatEngine>();
    }

    public static void MapSimulator(this WebApplication app)
    {
        app.UseMiddleware<DownMiddleware>();
        if (app.Configuration[BearerKeyMiddleware.ApiKeyKey] is { Length: > 0 } key)
        {
            app.UseMiddleware<BearerKeyMiddleware>(key);
        }

        app.MapChatApi();
        app.MapModelsApi();
        app.MapOpsApi();
        app.MapAdminApi();
    }

    // A seed makes ErrorRate draws repeatable (tests, reproducing a run); without one each run differs.
    private static Random FaultRandom(IConfiguration configuration) =>
        configuration.GetValue<int?>("Simulator:Faults:Seed") is { } seed ? new Random(seed) : new Random();
}
