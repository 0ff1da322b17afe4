using Microsoft.Extensions.Options;
using Platform.Compliance;
using Platform.Contracts.Hosting;
using Platform.Contracts.Telemetry;
using Platform.Edge.Callers;
using Platform.Edge.Decisions;
using Platform.Edge.Forwarding;
using Platform.Edge.Tagging;
using Platform.Edge.Telemetry;
using Platform.Pii;
using Platform.Traces.Decisions;

namespace Platform.Edge;

internal static class Extensions
{
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddComplianceModel(builder.Configuration);
        services.AddOtlpTelemetry(builder.Configuration, "platform-edge", [EdgeTelemetry.SourceName], []);
        services.AddOptions<EdgeOptions>().Bind(builder.Configuration.GetSection(EdgeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeOptions>, EdgeOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EdgeOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PiiClassifier>();
        services.AddSingleton<CallerIdentity>();
        services.AddDecisionAppends();
        services.AddSingleton<EdgeDecisionLogs>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<EdgeOptions>();
            return new RequestTagger(sp.GetRequiredService<PiiClassifier>(), sp.GetRequiredService<ComplianceModel>(), options.LatencyBudgets);
        });
        services.AddSingleton(sp => new ZoneForwarder(
            new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = Timeout.InfiniteTimeSpan, // streams run as long as the answer; the client's cancellation ends them
            },
            sp.GetRequiredService<EdgeOptions>(),
            sp.GetRequiredService<ComplianceModel>(),
            sp.GetRequiredService<EdgeDecisionLogs>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ZoneForwarder>>()));
        return builder;
    }
}
