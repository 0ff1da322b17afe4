using Platform.Compliance;
using Platform.Contracts.Tags;
using Platform.Traces.Decisions;

namespace Platform.Audit.Tests.Decisions;

public sealed class DecisionRecordTests
{
    private static readonly RequestTags Tags = new()
    {
        RequestId = "req-1",
        Tenant = "acme-shanghai",
        Locale = "zh-CN",
        DataClass = DataClass.Direct,
        PiiTypes = ["prc_id", "cn_mobile"],
        HomeZone = "cn",
        ServingZone = "cn",
        LatencyBudgetMs = 8000,
        CostTier = 1,
        MaxTier = 3,
        RequestedModel = "reasoning",
    };

    [Fact]
    public void FromTags_CarriesTheSignedTagsAndTheOutcome()
    {
        var record = DecisionRecord.FromTags(Tags, DecisionSource.Regional, Records.Noon, "cn", "cn-910b-reasoning-a", "deepseek-r1-distill-qwen-32b", "ok", 200, "traces/cn/2026-11-20/req-1.json");

        record.ShouldBe(new DecisionRecord(
            "req-1", Records.Noon, DecisionSource.Regional, "acme-shanghai", "cn", "cn", "cn-910b-reasoning-a", "deepseek-r1-distill-qwen-32b", DataClass.Direct,
            Tags.PiiTypes, "zh-CN", 1, 8000, "ok", 200, "traces/cn/2026-11-20/req-1.json"));
        record.Problem().ShouldBeNull();
    }

    [Theory]
    [InlineData("110101199003077777")]
    [InlineData("Zhang San")]
    [InlineData("13812345678")]
    public void ValueInPlaceOfATypeName_IsAProblem(string value)
    {
        var record = DecisionRecord.FromTags(Tags with { PiiTypes = ["prc_id", value] }, DecisionSource.Edge, Records.Noon, "cn", null, null, "forwarded", 200, null);

        record.Problem().ShouldBe("A PII type must be a type name (lower-case letters, digits and '_'), never a value.");
    }

    [Fact]
    public void ValueInPlaceOfTheTenant_IsAProblem()
    {
        var record = DecisionRecord.FromTags(Tags with { Tenant = "zhang.san@example.cn x" }, DecisionSource.Edge, Records.Noon, "cn", null, null, "forwarded", 200, null);

        record.Problem().ShouldBe("The tenant must be an identifier (letters, digits, '-', '_', '.').");
    }
}
