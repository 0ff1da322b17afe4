using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Compliance;
using Platform.Traces;
using Platform.Traces.S3;

namespace Platform.Cli.Traces;

/// <summary>
/// Opens a zone's trace store for reading exactly as the regional function would (<c>Regional:Traces:*</c> from an
/// optional settings file, then <c>Regional__Traces__…</c> environment variables), reading the store itself, not the spool.
/// </summary>
internal static class TraceStoreAccess
{
    public static (ITraceStore? Store, string? Problem) Open(string zoneId, FileInfo? settings, DirectoryInfo? policies)
    {
        var builder = new ConfigurationBuilder();
        if (settings is not null)
        {
            if (!settings.Exists)
            {
                return (null, $"No settings file at {settings.FullName}.");
            }

            builder.AddJsonFile(settings.FullName, optional: false);
        }

        var configuration = builder.AddEnvironmentVariables().Build();
        var model = policies is not null ? ComplianceModel.Load(policies.FullName)
            : configuration["Platform:PoliciesDirectory"] is { Length: > 0 } dir ? ComplianceModel.Load(dir)
            : ComplianceModel.Embedded;
        if (!model.IsZone(zoneId))
        {
            return (null, $"'{zoneId}' is not a zone; zones: {string.Join(", ", model.Zones.Select(z => z.Id))}.");
        }

        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddTraceStore(configuration, model.Zone(zoneId));
            var provider = services.BuildServiceProvider();
            // With S3 the function's ITraceStore is the spool in front of the bucket: a reader wants the bucket.
            return (provider.GetService<S3TraceStore>() ?? provider.GetRequiredService<ITraceStore>(), null);
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }
    }
}
