using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Edge.Tests;

/// <summary>A stand-in regional function on loopback that records what reached it and answers as told.</summary>
internal sealed class FakeRegional : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRegional(WebApplication app) => _app = app;

    public ConcurrentQueue<(IHeaderDictionary Headers, byte[] Body)> Received { get; } = new();
    public int Status { get; set; } = 200;
    public Uri Url { get; private set; } = null!;

    public static async Task<FakeRegional> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeRegional(app);
        app.MapPost("/v1/chat/completions", async (HttpContext ctx) =>
        {
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms);
            fake.Received.Enqueue((new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value)), ms.ToArray()));
            ctx.Response.StatusCode = fake.Status;
            ctx.Response.Headers["X-Platform-Served-Zone"] = "fake";
            await ctx.Response.WriteAsJsonAsync(fake.Status == 200 ? (object)new { ok = true } : new { error = new { message = "down", type = "server_error", code = "zone_unavailable" } });
        });
        await app.StartAsync();
        fake.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
