using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Platform.Compliance;
using Platform.Traces.Expiry;
using Platform.Traces.Spool;

namespace Platform.Traces.S3;

public static class S3TraceStoreRegistration
{
    /// <summary>
    /// Registers the zone's S3 trace store behind the on-disk spool (<c>Regional:Traces:S3:*</c>,
    /// <c>Regional:Traces:Spool:*</c>), and a start-up check that refuses to start when the bucket is not the zone's or its
    /// lifecycle would keep traces past the zone's retention. Bad options throw here, every problem at once.
    /// </summary>
    public static IServiceCollection AddS3TraceStore(this IServiceCollection services, IConfiguration configuration, Zone zone)
    {
        var options = S3TraceStoreOptions.From(configuration);
        if (options.Problems(zone.Id) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"The S3 trace store of zone '{zone.Id}' cannot start:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var s3 = S3Clients.Create(options);
            var guard = new TraceBucketGuard(s3, options.Bucket, zone, sp.GetRequiredService<TimeProvider>());
            return new S3TraceStore(s3, options.Bucket, zone, options.KmsKeyId, guard, sp.GetRequiredService<TimeProvider>());
        });
        // Registered before the spool's delivery, so a refused bucket stops the host before anything is sent.
        services.AddHostedService(sp =>
        {
            var store = sp.GetRequiredService<S3TraceStore>();
            return new TraceBucketStartupCheck(store.Guard, store.Bucket, sp.GetRequiredService<ILogger<TraceBucketStartupCheck>>());
        });
        services.AddExpirySweep(sp =>
        {
            var store = sp.GetRequiredService<S3TraceStore>();
            return new S3ExpirySweeper("traces", zone.Id, store.SweepAsync, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<S3ExpirySweeper>>());
        });
        return services.AddTraceSpool(configuration, zone, sp => sp.GetRequiredService<S3TraceStore>());
    }
}
