using Platform.GpuPools.Simulator.Generation;

namespace Platform.GpuPools.Tests.Generation;

public sealed class TextGeneratorTests
{
    private static readonly IReadOnlyList<(string, string)> Prompt = [("system", "You are helpful."), ("user", "What is a KV cache?")];

    [Fact]
    public void SameMessages_SameReply()
    {
        var first = TextGenerator.Generate(Prompt, reasoning: true);
        var second = TextGenerator.Generate([("system", "You are helpful."), ("user", "What is a KV cache?")], reasoning: true);

        second.Reasoning.ShouldBe(first.Reasoning);
        second.Answer.ShouldBe(first.Answer);
    }

    [Fact]
    public void DifferentMessages_DifferentReply()
    {
        var reply = TextGenerator.Generate(Prompt, reasoning: false);

        TextGenerator.Generate([("system", "You are helpful."), ("user", "What is a KV cache!")], reasoning: false).Answer.ShouldNotBe(reply.Answer);
        TextGenerator.Generate([("system", "You are helpful.What is a KV cache?")], reasoning: false).Answer.ShouldNotBe(reply.Answer);
    }

    [Fact]
    public void NonReasoningModel_NoReasoning_SameAnswerAsReasoningModel()
    {
        var plain = TextGenerator.Generate(Prompt, reasoning: false);
        var thinking = TextGenerator.Generate(Prompt, reasoning: true);

        plain.Reasoning.ShouldBeEmpty();
        plain.Answer.ShouldBe(thinking.Answer);
    }

    [Fact]
    public void Lengths_StayWithinBounds_AndVaryWithThePrompt()
    {
        var replies = Enumerable.Range(0, 300).Select(i => TextGenerator.Generate([("user", $"question {i}")], reasoning: true)).ToArray();

        replies.ShouldAllBe(r => r.Answer.Count >= TextGenerator.MinAnswerTokens && r.Answer.Count <= TextGenerator.MaxAnswerTokens);
        replies.ShouldAllBe(r => r.Reasoning.Count >= TextGenerator.MinReasoningTokens && r.Reasoning.Count <= TextGenerator.MaxReasoningTokens);
        replies.Select(r => r.Answer.Count).Distinct().Count().ShouldBeGreaterThan(30);
    }

    [Fact]
    public void LatinReply_IsSentencesOfWords()
    {
        var answer = string.Concat(TextGenerator.Generate(Prompt, reasoning: false).Answer);

        char.IsUpper(answer[0]).ShouldBeTrue();
        answer.ShouldEndWith(".");
        answer.ShouldNotContain("  ");
    }

    [Fact]
    public void CjkPrompt_CjkReply()
    {
        var reply = TextGenerator.Generate([("user", "请解释一下什么是缓存")], reasoning: true);

        string.Concat(reply.Answer).ShouldEndWith("。");
        reply.Answer.ShouldAllBe(t => t.Length == 1 || t.EndsWith('。'));
        string.Concat(reply.Reasoning).ShouldNotContain(" ");
    }
}
