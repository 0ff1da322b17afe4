using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using Platform.Contracts.Telemetry;

namespace Platform.Edge.Tests.Telemetry;

public sealed class OtlpSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void NoEndpoint_TelemetryIsOff()
    {
        OtlpSettings.Read(Config()).ShouldBeNull();
    }

    [Fact]
    public void OurKeys_WinOverTheStandardVariables()
    {
        var settings = OtlpSettings.Read(Config(
            ("Telemetry:Otlp:Endpoint", "http://127.0.0.1:4318"), ("Telemetry:Otlp:Protocol", "http/protobuf"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")))!;

        settings.Endpoint.ShouldBe(new Uri("http://127.0.0.1:4318"));
        settings.Protocol.ShouldBe(OtlpExportProtocol.HttpProtobuf);
        settings.SignalEndpoint("/v1/traces").ShouldBe(new Uri("http://127.0.0.1:4318/v1/traces"));
    }

    [Fact]
    public void StandardEndpointAlone_EnablesGrpc()
    {
        var settings = OtlpSettings.Read(Config(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")))!;

        settings.Protocol.ShouldBe(OtlpExportProtocol.Grpc);
        settings.SignalEndpoint("/v1/traces").ShouldBe(new Uri("http://collector:4317"));
    }

    [Fact]
    public void UnknownProtocol_IsRefusedNamingTheKeyAndTheChoices()
    {
        var e = Should.Throw<InvalidOperationException>(() => OtlpSettings.Read(Config(("Telemetry:Otlp:Endpoint", "http://127.0.0.1:4317"), ("Telemetry:Otlp:Protocol", "http/json"))));

        e.Message.ShouldBe("Telemetry:Otlp:Protocol 'http/json' is not supported; use grpc or http/protobuf.");
    }
}
