using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Contracts.Telemetry;

/// <summary>Where and how an app exports spans and metrics over OTLP; null when nothing is configured (telemetry off).</summary>
public sealed record OtlpSettings(Uri Endpoint, OtlpExportProtocol Protocol, TimeSpan ExportInterval)
{
    public const string EndpointKey = "Telemetry:Otlp:Endpoint";
    public const string ProtocolKey = "Telemetry:Otlp:Protocol";
    public const string ExportIntervalKey = "Telemetry:Otlp:ExportInterval";

    /// <summary>
    /// Our keys first, then the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> / <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.
    /// Either endpoint is the collector's base URL; for http/protobuf the signal path (<c>/v1/traces</c>) is added, as the OTLP spec says for the base variable.
    /// </summary>
    public static OtlpSettings? Read(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey] is { Length: > 0 } e ? e : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{EndpointKey} (or OTEL_EXPORTER_OTLP_ENDPOINT) must be the absolute http(s) URL of an OTLP receiver, e.g. http://127.0.0.1:4317.");
        }

        var protocol = (configuration[ProtocolKey] is { Length: > 0 } p ? p : configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"{ProtocolKey} '{other}' is not supported; use grpc or http/protobuf."),
        };

        var interval = TimeSpan.FromSeconds(5);
        if (configuration[ExportIntervalKey] is { Length: > 0 } i
            && (!TimeSpan.TryParse(i, CultureInfo.InvariantCulture, out interval) || interval <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"{ExportIntervalKey} '{i}' must be a positive time span such as 00:00:05.");
        }

        return new OtlpSettings(url, protocol, interval);
    }

    /// <summary>The URL one signal is exported to: for http/protobuf the base plus <paramref name="signalPath"/>, for gRPC the base itself.</summary>
    public Uri SignalEndpoint(string signalPath) =>
        Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + signalPath) : Endpoint;
}

/// <summary>
/// OpenTelemetry for a platform app, wired by hand (the hosting package is not in our mirror): a tracer provider for
/// the app's activity sources and a meter provider for its meters, both exporting over OTLP, built when the app starts
/// and disposed (flushed) with it. Off unless an OTLP endpoint is configured.
/// </summary>
public static class OtlpTelemetry
{
    public static IServiceCollection AddOtlpTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, string[] activitySources, string[] meters)
    {
        if (OtlpSettings.Read(configuration) is not { } settings)
        {
            return services;
        }

        var interval = (int)settings.ExportInterval.TotalMilliseconds;
        services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService(serviceName))
            .AddSource(activitySources)
            // Our spans are per request and few; a parent's unsampled flag (ASP.NET Core's own activity when nothing records it) must not drop them.
            .SetSampler(new AlwaysOnSampler())
            .AddOtlpExporter(o =>
            {
                o.Endpoint = settings.SignalEndpoint("/v1/traces");
                o.Protocol = settings.Protocol;
                o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
            })
            .Build());
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService(serviceName))
            .AddMeter(meters)
            .AddOtlpExporter((o, reader) =>
            {
                o.Endpoint = settings.SignalEndpoint("/v1/metrics");
                o.Protocol = settings.Protocol;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
            })
            .Build());
        services.AddHostedService<TelemetryStart>();
        return services;
    }

    /// <summary>Builds both providers as the app starts (nothing else asks for them); the container disposes them, flushing what is left.</summary>
    private sealed class TelemetryStart(TracerProvider tracer, MeterProvider meter) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracer.ForceFlush(1_000);
            meter.ForceFlush(1_000);
            return Task.CompletedTask;
        }
    }
}
