using System.Text;
using OpenAI.Chat;
using Platform.Local;

namespace Platform.EndToEnd.Tests.Telemetry;

/// <summary>
/// The whole platform exporting to an OTLP/HTTP receiver on loopback. Telemetry is on for the edge and for one regional
/// function: all regional functions share one activity source in this process, so one exporter sees every zone's pool calls.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string ResidentId = "11010519491231002X";
    private OtlpReceiver _receiver = null!;
    private PlatformFixture _fx = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync();
        string[] otlp = [$"--Telemetry:Otlp:Endpoint={_receiver.Url}", "--Telemetry:Otlp:Protocol=http/protobuf", "--Telemetry:Otlp:ExportInterval=00:00:00.200"];
        _fx = new PlatformFixture(app => app is "edge" or "regional:sgp" ? otlp : []);
        await _fx.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fx.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task StreamedRequest_ExportsEdgeSpan_AndPoolCallSpanAsItsChild_WithGenAiAndPlatformAttributes()
    {
        var (client, headers) = _fx.Client("fast", country: "SG");
        await foreach (var _ in client.CompleteChatStreamingAsync([new UserChatMessage("Write a short poem about rivers.")], cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        var (edge, pool) = await SpansOfAsync(headers.RequestId!, headers.Pool);

        edge.Scope.ShouldBe("Platform.Edge");
        edge.Attr<string>("gen_ai.operation.name").ShouldBe("chat");
        edge.Attr<string>("gen_ai.request.model").ShouldBe("fast");
        edge.Attr<string>("platform.home_zone").ShouldBe("sgp");
        edge.Attr<string>("platform.zone").ShouldBe("sgp");
        edge.Attr<string>("platform.data_class").ShouldBe("none");
        edge.Attr<long>("platform.cost_tier").ShouldBe(0);
        edge.Attr<string>("platform.locale").ShouldNotBeNullOrEmpty();

        pool.Scope.ShouldBe("Platform.Regional");
        pool.TraceId.ShouldBe(edge.TraceId);
        pool.ParentSpanId.ShouldBe(edge.SpanId, "the edge passes traceparent, so the pool call is the edge span's child");
        pool.Name.ShouldStartWith("chat ");
        pool.Attr<string>("gen_ai.provider.name").ShouldBe("vllm");
        pool.Attr<string>("gen_ai.response.model").ShouldBe(pool.Attr<string>("gen_ai.request.model"));
        pool.Attr<long>("gen_ai.usage.input_tokens").ShouldBeGreaterThan(0);
        pool.Attr<long>("gen_ai.usage.output_tokens").ShouldBeGreaterThan(0);
        pool.Attr<long>("gen_ai.usage.reasoning.output_tokens").ShouldBe(0);
        pool.Attr<string[]>("gen_ai.response.finish_reasons").ShouldBe(["stop"]);
        pool.Attr<double>("gen_ai.response.time_to_first_chunk").ShouldBeGreaterThan(0);
        pool.Attr<string>("platform.zone").ShouldBe("sgp");
        pool.Attr<string>("platform.home_zone").ShouldBe("sgp");
        pool.Attr<string>("platform.data_class").ShouldBe("none");
        pool.Attr<long>("platform.cost_tier").ShouldBe(0);
        pool.Attr<string>("platform.route.reason").ShouldNotBeNullOrEmpty();
        pool.Attr<long>("platform.route.tier_promotions").ShouldBe(0);
        pool.Attr<double>("platform.price.output_usd_per_million").ShouldBeGreaterThan(0);
        pool.Attr<double>("platform.cost_usd").ShouldBeGreaterThan(0);
        pool.Attr<string>("platform.pool").ShouldBe(headers.Pool);
    }

    [Fact]
    public async Task PromptWithResidentId_ExportsOnlyTheTypeName_NeverTheValueOrText()
    {
        var (client, headers) = _fx.Client(country: "CN");
        const string prompt = $"请帮我写一封给银行的信，申请更换借记卡。我的身份证号是{ResidentId}，谢谢。";

        await client.CompleteChatAsync([new UserChatMessage(prompt)], cancellationToken: TestContext.Current.CancellationToken);

        var (edge, pool) = await SpansOfAsync(headers.RequestId!);
        edge.Attr<string>("platform.data_class").ShouldNotBe("none");
        edge.Attr<string[]>("platform.pii_types").ShouldNotBeEmpty();
        pool.Attr<string>("platform.zone").ShouldBe("cn");
        await WaitAsync(() => !_receiver.Metrics.IsEmpty);
        foreach (var body in _receiver.Traces.Concat(_receiver.Metrics))
        {
            var text = Encoding.UTF8.GetString(body);
            text.ShouldNotContain(ResidentId);
            text.ShouldNotContain("借记卡");
        }
    }

    [Fact]
    public async Task PoolCalls_ExportGenAiClientMetrics_AndCostPerZoneAndTier()
    {
        var (client, _) = _fx.Client("fast", country: "SG");
        await foreach (var _ in client.CompleteChatStreamingAsync([new UserChatMessage("Name three rivers.")], cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        string[] names = ["gen_ai.client.token.usage", "gen_ai.client.operation.duration", "gen_ai.client.operation.time_to_first_chunk", "platform.gen_ai.cost"];
        await WaitAsync(() => names.All(n => _receiver.Metrics.Any(b => Contains(b, n))));
    }

    private async Task<(OtlpSpan Edge, OtlpSpan Pool)> SpansOfAsync(string requestId, string? pool = null)
    {
        OtlpSpan[] spans = [];
        // The edge's span ends after the client has its answer, so wait for both; a request may take more than one pool call (failover), one of them answers.
        await WaitAsync(() => (spans = _receiver.Spans.Where(s => s.Attributes.TryGetValue("platform.request_id", out var id) && (string)id == requestId).ToArray())
            .Any(s => s.Scope == "Platform.Edge") && spans.Any(s => s.Scope == "Platform.Regional" && s.Attributes.ContainsKey("platform.outcome")));
        // With hedging a request may have several successful pool calls; the one whose pool answered the client is checked.
        return (spans.Where(s => s.Scope == "Platform.Edge").ShouldHaveSingleItem(),
            spans.First(s => s.Scope == "Platform.Regional" && s.Attributes.TryGetValue("platform.outcome", out var o) && (string)o == "ok"
                && (pool is null || (string)s.Attributes["platform.pool"] == pool)));
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        condition().ShouldBeTrue("the exporter should have delivered within 10 s");
    }
}
