using Platform.GpuPools.Simulator.Generation;

namespace Platform.GpuPools.Tests.Generation;

public sealed class ReplyPlanTests
{
    private static readonly GeneratedReply Reply = new(["r1", "r2", "r3"], ["a1", "a2"]);

    [Fact]
    public void NoLimit_WholeReply_Stop()
    {
        var plan = ReplyPlan.Fit(Reply, null);

        plan.FinishReason.ShouldBe("stop");
        plan.Tokens.ShouldBe([("r1", true), ("r2", true), ("r3", true), ("a1", false), ("a2", false)]);
    }

    [Fact]
    public void LimitEqualToReply_WholeReply_Stop() =>
        ReplyPlan.Fit(Reply, 5).FinishReason.ShouldBe("stop");

    [Fact]
    public void LimitInsideAnswer_ReasoningKept_AnswerCut_Length()
    {
        var plan = ReplyPlan.Fit(Reply, 4);

        plan.FinishReason.ShouldBe("length");
        plan.Reasoning.ShouldBe(["r1", "r2", "r3"]);
        plan.Answer.ShouldBe(["a1"]);
    }

    [Fact]
    public void LimitInsideReasoning_NoAnswer_Length()
    {
        var plan = ReplyPlan.Fit(Reply, 2);

        plan.FinishReason.ShouldBe("length");
        plan.Reasoning.ShouldBe(["r1", "r2"]);
        plan.Answer.ShouldBeEmpty();
        plan.CompletionTokens.ShouldBe(2);
    }
}
