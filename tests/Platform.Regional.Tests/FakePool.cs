using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Regional.Tests;

/// <summary>A tiny vLLM-like server on 127.0.0.1:0 whose chat endpoint does what the test says.</summary>
internal sealed class FakePool : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakePool(WebApplication app)
    {
        _app = app;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string Url { get; }

    /// <summary>The bodies the pool received, in order.</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    /// <summary>The Authorization header of each request, in order ("" when there was none).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<FakePool> StartAsync(Func<HttpContext, JsonObject, Task> chat, string metrics = "vllm:num_requests_running 0\n")
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakePool? pool = null;
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            pool!.Received.Enqueue(body);
            pool.Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            await chat(http, body);
        });
        app.MapGet("/metrics", () => Results.Text(metrics));
        await app.StartAsync(TestContext.Current.CancellationToken);
        pool = new FakePool(app);
        return pool;
    }

    /// <summary>Answers like vLLM: a completion, or chunks with reasoning, content, usage and [DONE].</summary>
    public static Task<FakePool> AnsweringAsync(string answer = "Hello there") => StartAsync((http, body) => AnswerAsync(http, body, answer));

    public static Task<FakePool> FailingAsync(int status) =>
        StartAsync((http, _) => Results.Json(new { error = new { message = "pool says no", type = "server_error", code = status } }, statusCode: status).ExecuteAsync(http));

    /// <summary>Accepts the request and never answers; <see cref="Aborted"/> completes when the caller goes away.</summary>
    public static async Task<FakePool> HangingAsync()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = await StartAsync(async (http, _) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        pool.Aborted = aborted.Task;
        return pool;
    }

    /// <summary>Streams one chunk, then drops the connection when the test calls <see cref="Cut"/>.</summary>
    public static async Task<FakePool> CuttingAfterFirstChunkAsync()
    {
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = await StartAsync(async (http, body) =>
        {
            http.Response.ContentType = "text/event-stream";
            await WriteEventAsync(http, Chunk(body, new JsonObject { ["role"] = "assistant", ["content"] = "Hel" }, null));

            // Dropping at once could discard the chunk in flight; the test cuts once the client has it.
            await cut.Task.WaitAsync(http.RequestAborted);
            http.Abort();
        });
        pool._cut = cut;
        return pool;
    }

    private TaskCompletionSource? _cut;

    public void Cut() => _cut!.TrySetResult();

    /// <summary>Streams a chunk every 20 ms until the caller goes away; <see cref="Aborted"/> completes when it does.</summary>
    public static async Task<FakePool> StreamingUntilAbortedAsync()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = await StartAsync(async (http, body) =>
        {
            http.Response.ContentType = "text/event-stream";
            try
            {
                while (true)
                {
                    await WriteEventAsync(http, Chunk(body, new JsonObject { ["content"] = "la " }, null));
                    await Task.Delay(20, http.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                aborted.TrySetResult();
            }
        });
        pool.Aborted = aborted.Task;
        return pool;
    }

    public Task Aborted { get; private set; } = Task.CompletedTask;

    /// <summary>A pool URL nothing listens on.</summary>
    public static async Task<string> DownUrlAsync()
    {
        var pool = await AnsweringAsync();
        var url = pool.Url;
        await pool.DisposeAsync();
        return url;
    }

    public static async Task AnswerAsync(HttpContext http, JsonObject body, string answer)
    {
        var model = (string)body["model"]!;
        if (body["stream"]?.GetValue<bool>() != true)
        {
            await Results.Text(
                $$$"""{"id":"c1","object":"chat.completion","created":1,"model":"{{{model}}}","choices":[{"index":0,"message":{"role":"assistant","content":"{{{answer}}}","reasoning_content":"thinking"},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}""",
                "application/json").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        await WriteEventAsync(http, Chunk(body, new JsonObject { ["role"] = "assistant", ["reasoning_content"] = "thinking" }, null));
        foreach (var word in answer.Split(' '))
        {
            await WriteEventAsync(http, Chunk(body, new JsonObject { ["content"] = word + " " }, null));
        }

        await WriteEventAsync(http, Chunk(body, new JsonObject(), "stop"));
        await WriteEventAsync(http, $$$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"{{{model}}}","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}""");
        await WriteEventAsync(http, "[DONE]");
    }

    private static string Chunk(JsonObject body, JsonObject delta, string? finish) => new JsonObject
    {
        ["id"] = "c1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1,
        ["model"] = (string)body["model"]!,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    }.ToJsonString();

    private static async Task WriteEventAsync(HttpContext http, string data)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"));
        await http.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
