using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Platform.Compliance;
using Platform.Traces.Expiry;
using Platform.Traces.Local;

namespace Platform.Traces;

public static class TraceStoreRegistration
{
    public const string StoreKey = "Regional:Traces:Store";
    public const string DirectoryKey = "Regional:Traces:Directory";
    public const string SweepIntervalKey = "Regional:Traces:SweepInterval";

    /// <summary>
    /// Registers the zone's <see cref="ITraceStore"/> chosen by <c>Regional:Traces:Store</c> (<c>local</c> by default),
    /// with whatever keeps it within retention.
    /// </summary>
    public static IServiceCollection AddTraceStore(this IServiceCollection services, IConfiguration configuration, Zone zone)
    {
        services.TryAddSingleton(TimeProvider.System);
        var store = configuration[StoreKey] is { Length: > 0 } s ? s : "local";
        switch (store)
        {
            case "local":
                // Without a configured root, traces stay on this machine's temporary folder, never somewhere shared.
                var root = configuration[DirectoryKey] is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "platform-traces");
                var interval = configuration.GetValue(SweepIntervalKey, TimeSpan.FromHours(1));
                if (interval <= TimeSpan.Zero)
                {
                    throw new InvalidOperationException($"{SweepIntervalKey} must be a positive TimeSpan (e.g. 01:00:00).");
                }

                services.AddSingleton(sp => new LocalDirectoryTraceStore(zone.Id, root, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<ITraceStore>(sp => sp.GetRequiredService<LocalDirectoryTraceStore>());
                services.AddExpirySweep(sp => new LocalTraceSweeper(
                    sp.GetRequiredService<LocalDirectoryTraceStore>(), interval, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalTraceSweeper>>()));
                break;
            case "s3":
                S3.S3TraceStoreRegistration.AddS3TraceStore(services, configuration, zone);
                break;
            default:
                throw new InvalidOperationException($"{StoreKey} '{store}' is not a trace store; use 'local' or 's3'.");
        }

        return services;
    }
}
