using Microsoft.AspNetCore.Http;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Regional.Telemetry;

namespace Platform.Regional.Tests.Telemetry;

public sealed class PoolCallTagsTests
{
    private static readonly ComplianceModel Model = ComplianceModel.Embedded;
    private static readonly Pool CnPool = Model.PoolsIn("cn").First(p => p.Tier == 1);

    private static readonly RequestTags Tags = new()
    {
        RequestId = "req_0123456789abcdef0123456789abcdef",
        Tenant = "public",
        Locale = "zh-CN",
        DataClass = DataClass.Sensitive,
        PiiTypes = ["cn_resident_id"],
        HomeZone = "cn",
        ServingZone = "cn",
        LatencyBudgetMs = 2_000,
        CostTier = 1,
        MaxTier = 3,
        RequestedModel = "auto",
    };

    [Fact]
    public void PoolCall_CarriesIdsZonesClassAndNumbers_NeverPromptText()
    {
        const string prompt = "我的身份证号是11010519491231002X";
        var (request, _, _) = ChatRequest.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"model":"auto","stream":true,"max_tokens":64,"messages":[{"role":"user","content":"{{prompt}}"}]}"""));

        var start = PoolCallTags.Start(Tags, request!, CnPool, "cheapest healthy pool", 1).ToDictionary(kv => kv.Key, kv => kv.Value);
        var (end, cost) = PoolCallTags.End(CnPool, stream: true, new PoolCallEnd("ok", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250),
            new Usage(1_000, 2_000, 3_000, new CompletionTokensDetails(500)), "stop"));
        var all = start.Concat(end).ToArray();

        start["gen_ai.provider.name"].ShouldBe("vllm-ascend");
        start["platform.zone"].ShouldBe("cn");
        start["platform.pii_types"].ShouldBe(new[] { "cn_resident_id" });
        start["platform.route.tier_promotions"].ShouldBe(1);
        end.ShouldContain(kv => kv.Key == "gen_ai.usage.reasoning.output_tokens" && (int)kv.Value! == 500);
        end.ShouldContain(kv => kv.Key == "gen_ai.response.time_to_first_chunk" && (double)kv.Value! == 0.25);
        cost.ShouldBe(CnPool.Price.Cost(1_000, 0, 2_000));
        all.ShouldAllBe(kv => !(kv.Value ?? "").ToString()!.Contains("11010519491231002X") && !(kv.Value ?? "").ToString()!.Contains("身份证"));
    }

    [Fact]
    public void MetricDimensions_HaveNoRequestIdOrPiiTypes_SoCardinalityStaysLow()
    {
        var keys = PoolCallTags.MetricTags(Tags, CnPool, "ok").Select(kv => kv.Key).ToArray();

        keys.ShouldBe(["gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model", "platform.zone", "platform.cost_tier", "platform.data_class"]);
    }

    [Fact]
    public void FailedCall_HasErrorType_AndNoTimeToFirstChunkWhenNotStreamed()
    {
        var (end, cost) = PoolCallTags.End(CnPool, stream: false, new PoolCallEnd("first_byte_timeout", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), null, null));

        end.ShouldContain(kv => kv.Key == "error.type" && (string)kv.Value! == "first_byte_timeout");
        end.ShouldNotContain(kv => kv.Key == "gen_ai.response.time_to_first_chunk");
        cost.ShouldBe(0m);
    }

    [Fact]
    public void TraceParentFromTheEdge_BecomesThePoolCallsParent()
    {
        var headers = new HeaderDictionary { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };

        var parent = TraceParent.From(headers);

        parent.TraceId.ToHexString().ShouldBe("0af7651916cd43dd8448eb211c80319c");
        parent.SpanId.ToHexString().ShouldBe("b7ad6b7169203331");
    }
}
