using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Compliance;
using Platform.Traces.Expiry;
using Platform.Traces.S3;

namespace Platform.Traces.Decisions;

public static class DecisionLogRegistration
{
    public const string StoreKey = "Platform:Decisions:Store";
    public const string DirectoryKey = "Platform:Decisions:Directory";
    public const string SweepIntervalKey = "Platform:Decisions:SweepInterval";

    /// <summary>
    /// Registers the zone's <see cref="IDecisionLog"/> (<c>Platform:Decisions:Store</c>, <c>local</c> by default) and what
    /// keeps it within <c>zones.&lt;zone&gt;.retention.decision_log_days</c>. The local log lives under
    /// <c>Platform:Decisions:Directory</c>, else beside the local traces (<c>Regional:Traces:Directory</c>); the <c>s3</c>
    /// log lives in the zone's trace bucket (the <c>Regional:Traces:S3:*</c> settings), under <c>decisions/{zone}/</c>, with
    /// a start-up check of its lifecycle rule and an hourly sweep. Bad settings throw here, every problem at once.
    /// </summary>
    public static IServiceCollection AddDecisionLog(this IServiceCollection services, IConfiguration configuration, Zone zone)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (Store(configuration) == "s3")
        {
            var options = S3Options(configuration, zone);
            services.AddSingleton(sp => new DecisionLogMetrics(sp.GetService<IMeterFactory>()));
            services.AddSingleton(sp => OpenS3(options, zone, sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<S3DecisionLog>>() ?? (ILogger)NullLogger.Instance, sp.GetRequiredService<DecisionLogMetrics>()));
            services.AddSingleton<IDecisionLog>(sp => sp.GetRequiredService<S3DecisionLog>());
            services.AddSingleton<IHostedService>(sp =>
            {
                var log = sp.GetRequiredService<S3DecisionLog>();
                return new TraceBucketStartupCheck(log.Guard, log.Bucket, sp.GetService<ILogger<TraceBucketStartupCheck>>() ?? NullLogger<TraceBucketStartupCheck>.Instance);
            });
            services.AddExpirySweep(sp => new S3ExpirySweeper(
                "decision records", zone.Id, sp.GetRequiredService<S3DecisionLog>().SweepAsync, sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<S3ExpirySweeper>>() ?? NullLogger<S3ExpirySweeper>.Instance));
            return services;
        }

        var root = LocalRoot(configuration);
        var interval = configuration.GetValue(SweepIntervalKey, TimeSpan.FromHours(1));
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SweepIntervalKey} must be a positive TimeSpan (e.g. 01:00:00).");
        }

        services.AddSingleton(sp => new LocalDirectoryDecisionLog(zone.Id, root, zone.Retention.DecisionLogDays, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDecisionLog>(sp => sp.GetRequiredService<LocalDirectoryDecisionLog>());
        services.AddExpirySweep(sp => new DecisionLogSweeper(
            sp.GetRequiredService<LocalDirectoryDecisionLog>(), interval, sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<DecisionLogSweeper>>() ?? NullLogger<DecisionLogSweeper>.Instance));
        return services;
    }

    /// <summary>Registers <see cref="DecisionAppends"/>, once, as a singleton and as the hosted service that waits for its appends at stop.</summary>
    public static IServiceCollection AddDecisionAppends(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DecisionAppends)))
        {
            return services;
        }

        services.AddSingleton(sp => new DecisionAppends(sp.GetService<ILogger<DecisionAppends>>() ?? NullLogger<DecisionAppends>.Instance));
        return services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DecisionAppends>());
    }

    /// <summary>A zone's log with the same settings the apps use: for audits run outside them, and for the edge's writes.</summary>
    public static IDecisionLog Open(IConfiguration configuration, Zone zone, TimeProvider time, ILogger? logger = null) =>
        Store(configuration) == "s3"
            ? OpenS3(S3Options(configuration, zone), zone, time, logger ?? NullLogger.Instance, new DecisionLogMetrics(null))
            : new LocalDirectoryDecisionLog(zone.Id, LocalRoot(configuration), zone.Retention.DecisionLogDays, time);

    private static S3DecisionLog OpenS3(S3TraceStoreOptions options, Zone zone, TimeProvider time, ILogger logger, DecisionLogMetrics metrics) =>
        new(S3Clients.Create(options), options.Bucket, zone, options.KmsKeyId, time, logger, metrics);

    private static string Store(IConfiguration configuration)
    {
        var store = configuration[StoreKey] is { Length: > 0 } s ? s : "local";
        return store is "local" or "s3"
            ? store
            : throw new InvalidOperationException($"{StoreKey} '{store}' is not a decision log; use 'local' or 's3' (the zone's trace bucket, with the {S3TraceStoreOptions.Section}:* settings).");
    }

    private static S3TraceStoreOptions S3Options(IConfiguration configuration, Zone zone)
    {
        var options = S3TraceStoreOptions.From(configuration);
        return options.Problems(zone.Id) is { Count: > 0 } problems
            ? throw new InvalidOperationException($"The S3 decision log of zone '{zone.Id}' cannot start:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}")
            : options;
    }

    private static string LocalRoot(IConfiguration configuration) =>
        // Without a configured root, the log stays on this machine's temporary folder, like the local traces.
        configuration[DirectoryKey] is { Length: > 0 } d ? d
            : configuration[TraceStoreRegistration.DirectoryKey] is { Length: > 0 } t ? t
            : Path.Combine(Path.GetTempPath(), "platform-traces");
}
