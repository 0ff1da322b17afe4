using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Compliance;
using Platform.Contracts.Hosting;
using Platform.Contracts.Telemetry;
using Platform.Regional.Apis;
using Platform.Regional.Escalation;
using Platform.Regional.Forwarding;
using Platform.Regional.Metrics;
using Platform.Regional.Routing;
using Platform.Regional.Tagging;
using Platform.Regional.Telemetry;
using Platform.Regional.Traces;
using Platform.Traces;
using Platform.Traces.Decisions;

namespace Platform.Regional;

internal static class Extensions
{
    public static WebApplicationBuilder AddRegional(this WebApplicationBuilder builder)
    {
        // Needed before the container is built: a bad zone or endpoint must stop the app before it listens.
        var model = builder.Configuration[PlatformHosting.PoliciesDirectoryKey] is { Length: > 0 } dir ? ComplianceModel.Load(dir) : ComplianceModel.Embedded;
        var settings = RegionalSettings.Read(builder.Configuration, model);
        var choice = PoolChoiceSettings.Read(builder.Configuration);
        builder.UseServerlessPort();
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(model);
        services.AddSingleton(settings);
        services.AddSingleton(sp => new ReplayCache(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TagGate>();
        services.AddSingleton(choice);
        services.AddSingleton<PoolBreakers>();
        services.AddSingleton<PoolLoadBoard>();
        services.AddSingleton<PoolRouter>();
        services.AddSingleton<PoolForwarder>();
        services.AddSingleton<RequestServing>();
        services.AddDecisionLog(builder.Configuration, settings.Zone);
        services.AddDecisionAppends();
        services.AddSingleton<TraceQueue>();
        services.AddHostedService<TraceWriter>();
        services.AddHostedService<MetricsScraper>();
        services.AddTraceStore(builder.Configuration, settings.Zone);
        services.AddOtlpTelemetry(builder.Configuration, "platform-regional-" + settings.Zone.Id, [RegionalTelemetry.SourceName], RegionalTelemetry.MeterNames);

        // Timeouts are per request (first byte, stream idle), so the client itself never times out.
        services.AddHttpClient(PoolForwarder.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                AllowAutoRedirect = false,
            });
        services.AddHttpClient(MetricsScraper.ClientName);

        // One line per request is ours; the client factory's per-call lines would double it.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    public static WebApplication MapRegional(this WebApplication app)
    {
        app.MapGroup("/v1").MapChatApi().MapModelsApi();
        app.MapHealthApi();
        app.MapExpirySweepEvents();

        var settings = app.Services.GetRequiredService<RegionalSettings>();
        Log.Started(app.Logger, settings.Zone.Id,
            settings.Pools.Count == 0 ? "(none)" : string.Join(", ", settings.Pools.Select(p => p.Pool.Id)),
            settings.UnavailablePools.Count == 0 ? "(none)" : string.Join(", ", settings.UnavailablePools));
        // Names only, never a key: an operator sees at start-up which providers a missing key leaves out.
        var routable = string.Join(", ", settings.Providers.Select(p => p.Pool.Id));
        var withoutKey = string.Join(", ", settings.ProvidersWithoutKey);
        if (routable.Length > 0)
        {
            Log.ProvidersRoutable(app.Logger, settings.Zone.Id, routable);
        }

        if (withoutKey.Length > 0)
        {
            Log.ProvidersWithoutKey(app.Logger, settings.Zone.Id, withoutKey);
        }

        return app;
    }
}
