using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;

namespace Platform.Traces.Decisions;

public static class DecisionLogRegistration
{
    public const string StoreKey = "Platform:Decisions:Store";
    public const string DirectoryKey = "Platform:Decisions:Directory";
    public const string SweepIntervalKey = "Platform:Decisions:SweepInterval";

    /// <summary>
    /// Registers the zone's <see cref="IDecisionLog"/> (<c>Platform:Decisions:Store</c>, <c>local</c> by default) and what
    /// keeps it within <c>zones.&lt;zone&gt;.retention.decision_log_days</c>. The local log lives under
    /// <c>Platform:Decisions:Directory</c>, else beside the local traces (<c>Regional:Traces:Directory</c>).
    /// </summary>
    public static IServiceCollection AddDecisionLog(this IServiceCollection services, IConfiguration configuration, Zone zone)
    {
        services.TryAddSingleton(TimeProvider.System);
        var root = LocalRoot(configuration);
        var interval = configuration.GetValue(SweepIntervalKey, TimeSpan.FromHours(1));
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SweepIntervalKey} must be a positive TimeSpan (e.g. 01:00:00).");
        }

        services.AddSingleton(sp => new LocalDirectoryDecisionLog(zone.Id, root, zone.Retention.DecisionLogDays, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDecisionLog>(sp => sp.GetRequiredService<LocalDirectoryDecisionLog>());
        services.AddSingleton(sp => new DecisionLogSweeper(
            sp.GetRequiredService<LocalDirectoryDecisionLog>(), interval, sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<DecisionLogSweeper>>() ?? NullLogger<DecisionLogSweeper>.Instance));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DecisionLogSweeper>());
        return services;
    }

    /// <summary>Reads a zone's log with the same settings the apps use, for audits run outside them.</summary>
    public static IDecisionLog Open(IConfiguration configuration, Zone zone, TimeProvider time) =>
        new LocalDirectoryDecisionLog(zone.Id, LocalRoot(configuration), zone.Retention.DecisionLogDays, time);

    private static string LocalRoot(IConfiguration configuration)
    {
        var store = configuration[StoreKey] is { Length: > 0 } s ? s : "local";
        if (store != "local")
        {
            throw new InvalidOperationException($"{StoreKey} '{store}' is not a decision log; use 'local'.");
        }

        // Without a configured root, the log stays on this machine's temporary folder, like the local traces.
        return configuration[DirectoryKey] is { Length: > 0 } d ? d
            : configuration[TraceStoreRegistration.DirectoryKey] is { Length: > 0 } t ? t
            : Path.Combine(Path.GetTempPath(), "platform-traces");
    }
}
