using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests.Telemetry;

/// <summary>A tiny OTLP/HTTP (protobuf) receiver on loopback: keeps every body posted to /v1/traces and /v1/metrics.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;

    public ConcurrentQueue<byte[]> Traces { get; } = new();
    public ConcurrentQueue<byte[]> Metrics { get; } = new();
    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<OtlpSpan> Spans => Traces.SelectMany(b => OtlpSpan.Read(b)).ToArray();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/traces", (HttpRequest r) => Keep(r, receiver.Traces));
        app.MapPost("/v1/metrics", (HttpRequest r) => Keep(r, receiver.Metrics));
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return receiver;
    }

    private static async Task<IResult> Keep(HttpRequest request, ConcurrentQueue<byte[]> into)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        into.Enqueue(body.ToArray());
        // An empty body is an empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
