using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Compliance;

namespace Platform.Traces.Spool;

internal static class TraceSpoolRegistration
{
    public const string HealthCheckName = "trace-spool";

    /// <summary>
    /// Makes <see cref="ITraceStore"/> the spool in front of <paramref name="target"/>, with its delivery service,
    /// metrics and health check.
    /// </summary>
    public static IServiceCollection AddTraceSpool(this IServiceCollection services, IConfiguration configuration, Zone zone, Func<IServiceProvider, ITraceStore> target)
    {
        var options = TraceSpoolOptions.From(configuration, zone.Id);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new TraceSpoolMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => new TraceSpool(options, sp.GetRequiredService<TraceSpoolMetrics>(), sp.GetRequiredService<ILogger<TraceSpool>>()));
        services.AddSingleton(sp => new SpoolDelivery(
            sp.GetRequiredService<TraceSpool>(), target(sp), sp.GetRequiredService<TraceSpoolMetrics>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SpoolDelivery>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SpoolDelivery>());
        services.AddSingleton<ITraceStore>(sp => new SpoolingTraceStore(target(sp), zone, sp.GetRequiredService<TraceSpool>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<TraceSpoolHealthCheck>(HealthCheckName, HealthStatus.Degraded, ["traces"]);
        return services;
    }
}
