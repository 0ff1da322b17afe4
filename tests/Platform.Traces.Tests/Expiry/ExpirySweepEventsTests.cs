using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Compliance;
using Platform.Traces.Decisions;
using Platform.Traces.Expiry;

namespace Platform.Traces.Tests.Expiry;

/// <summary>
/// The scheduled sweep as the Lambda Web Adapter delivers it: a POST to the pass-through path of an app with the local
/// trace store and decision log, registered the way the regional function registers them.
/// </summary>
public sealed class ExpirySweepEventsTests : IAsyncLifetime
{
    private const string ScheduledEventJson = """
        {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event","source":"aws.events",
         "account":"123456789012","time":"2026-11-22T10:00:00Z","region":"ap-southeast-1",
         "resources":["arn:aws:events:ap-southeast-1:123456789012:rule/platform-sweep-sgp"],"detail":{}}
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sweep-events-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTime _time = new(Start);
    private readonly Zone _zone = TestTraces.Zone("sgp");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration[TraceStoreRegistration.DirectoryKey] = _root;
        builder.Services.AddSingleton<TimeProvider>(_time);
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        builder.Services.AddTraceStore(builder.Configuration, _zone);
        builder.Services.AddDecisionLog(builder.Configuration, _zone);

        // Without the hourly loops: advancing the fake clock by days wakes them, and they raced the endpoint to the
        // expired trace. These tests are about the endpoint's own run.
        foreach (var loop in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).Except(hosted).ToList())
        {
            builder.Services.Remove(loop);
        }

        _app = builder.Build();
        _app.MapExpirySweepEvents();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task ScheduledEvent_DeletesExpiredTraceAndDecisionRecord_ThenARepeatWithinFiveMinutesIsSkipped()
    {
        var traces = _app.Services.GetRequiredService<ITraceStore>();
        var stored = await traces.PutAsync(TestTraces.Make("sgp", "req-1", Start), Start.AddDays(_zone.Retention.TraceDays), CancellationToken.None);
        await _app.Services.GetRequiredService<IDecisionLog>().AppendAsync(Decision("req-1", Start), CancellationToken.None);
        var dayFile = Path.Combine(_root, "decisions", "sgp", "2026-11-22.jsonl");
        File.Exists(dayFile).ShouldBeTrue();
        _time.Advance(TimeSpan.FromDays(_zone.Retention.DecisionLogDays + 1));

        var first = await PostAsync(ScheduledEventJson);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var swept = Swept(await first.Content.ReadFromJsonAsync<JsonElement>());
        swept["traces"].ShouldBe(1);
        swept["decision records"].ShouldBe(1);
        (await traces.GetAsync(stored.Key, CancellationToken.None)).ShouldBeNull();
        File.Exists(dayFile).ShouldBeFalse();

        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await PostAsync(ScheduledEventJson);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("skipped").GetString().ShouldBe("recent");
        body.TryGetProperty("swept", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ScheduledEvent_AfterTheGap_RunsAgain()
    {
        (await PostAsync(ScheduledEventJson)).StatusCode.ShouldBe(HttpStatusCode.OK);
        _time.Advance(ExpirySweepRun.MinimumGap);

        var again = await (await PostAsync(ScheduledEventJson)).Content.ReadFromJsonAsync<JsonElement>();

        Swept(again).Keys.ShouldBe(["traces", "decision records"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"source":"aws.s3","detail-type":"Object Created"}""")]
    [InlineData("""{"source":"aws.events","detail-type":"EC2 Instance State-change Notification"}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]}""")]
    [InlineData("""{"model":"fast","messages":[]}""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task AnythingButAScheduledEvent_Gets400InOpenAiFormat_AndSweepsNothing(string body)
    {
        var response = await PostAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        error.GetProperty("code").GetString().ShouldBe("not_a_scheduled_event");
        // No run was counted: a real scheduled event right after still sweeps.
        Swept(await (await PostAsync(ScheduledEventJson)).Content.ReadFromJsonAsync<JsonElement>()).ShouldNotBeEmpty();
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _client.PostAsync(ExpirySweepEvents.Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    private static Dictionary<string, int> Swept(JsonElement body) =>
        body.GetProperty("swept").EnumerateArray().ToDictionary(s => s.GetProperty("holds").GetString()!, s => s.GetProperty("deleted").GetInt32());

    private static DecisionRecord Decision(string requestId, DateTimeOffset time) => new(
        requestId, time, DecisionSource.Regional, "acme", "sgp", "sgp", "sgp-h100-fast-a", "qwen3-8b", DataClass.None, [], "en-SG", 0, 5000, "ok", 200, null);
}
