using System.Text.Json.Nodes;
using Platform.Compliance;
using Platform.Regional.Budgets;
using Platform.Regional.Prompts;

namespace Platform.Regional.Tests.Escalation;

public sealed class BudgetAndPromptTests
{
    private static readonly RoutingPolicy Routing = ComplianceModel.Embedded.Routing;

    [Theory]
    [InlineData(2000, 0, null, 1024, true)]
    [InlineData(2000, 0, 500, 500, false)]
    [InlineData(2000, 0, 5000, 1024, true)]
    [InlineData(15000, 1, null, 8192, true)]
    [InlineData(120000, 3, null, 65536, true)]
    public void PoolGetsTheSmallerOfTheClassAndTierCapAndTheClientsLimit(int latencyMs, int tier, int? clientMax, int effective, bool capBinds)
    {
        var budget = ReasoningBudget.Decide(Routing.LatencyClasses, Routing.Of("sgp"), latencyMs, tier, clientMax);

        budget.Effective.ShouldBe(effective);
        budget.CapBinds.ShouldBe(capBinds);
        budget.CappedBy("length").ShouldBe(capBinds);
        budget.CappedBy("stop").ShouldBeFalse();
    }

    [Fact]
    public void Budget_ReplacesMaxTokensWithMaxCompletionTokens()
    {
        var body = JsonNode.Parse("""{"model":"auto","max_tokens":5000,"messages":[]}""")!.AsObject();

        ReasoningBudget.Apply(body, ReasoningBudget.Decide(Routing.LatencyClasses, Routing.Of("sgp"), 2000, 0, 5000));

        body.ContainsKey("max_tokens").ShouldBeFalse();
        ((int)body["max_completion_tokens"]!).ShouldBe(1024);
    }

    [Fact]
    public void SystemPrompt_BecomesTheFirstMessage_OrIsPrependedToTheClientsOwn()
    {
        var bare = JsonNode.Parse("""{"messages":[{"role":"user","content":"你好"}]}""")!.AsObject();
        var own = JsonNode.Parse("""{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"你好"}]}""")!.AsObject();

        SystemPrompts.Apply(bare, "请用中文回答。");
        SystemPrompts.Apply(own, "请用中文回答。");

        ((string)bare["messages"]![0]!["role"]!).ShouldBe("system");
        ((string)bare["messages"]![0]!["content"]!).ShouldBe("请用中文回答。");
        ((string)bare["messages"]![1]!["content"]!).ShouldBe("你好");
        ((string)own["messages"]![0]!["content"]!).ShouldBe("请用中文回答。\n\nBe brief.");
        own["messages"]!.AsArray().Count.ShouldBe(2);
    }
}
