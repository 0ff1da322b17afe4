using FsCheck;
using FsCheck.Fluent;
using Platform.GpuPools.Simulator.Generation;

namespace Platform.GpuPools.Tests.Generation;

public sealed class TokenCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t", 0)]
    [InlineData("hello", 2)] // 1 word = 1.3, rounded up
    [InlineData("one two three four five six seven eight nine ten", 13)] // exactly 1.3 per word
    [InlineData("GPU pools, please!", 6)] // 3 words = 3.9 -> 4, plus ',' and '!'
    [InlineData("你好世界", 4)] // a CJK character is a token
    [InlineData("こんにちは", 5)]
    [InlineData("H100 与 910B", 4)] // 2 words = 2.6 -> 3, plus one Han character
    public void Count_FollowsTheDocumentedApproximation(string text, int expected) =>
        TokenCounter.Count(text).ShouldBe(expected);

    [Fact]
    public void CountPrompt_AddsTemplateOverheadPerMessage() =>
        TokenCounter.CountPrompt([("system", "be brief"), ("user", "hi")])
            .ShouldBe(TokenCounter.Count("be brief") + TokenCounter.Count("hi") + 2 * TokenCounter.PerMessageOverhead);

    [Fact]
    public void Count_JoiningTwoTextsWithASpace_NeverExceedsTheSumPlusOne() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll<string, string>((a, b) =>
        {
            a ??= "";
            b ??= "";
            var joined = TokenCounter.Count(a + " " + b);
            return joined <= TokenCounter.Count(a) + TokenCounter.Count(b) + 1 && joined >= 0;
        }));

    [Fact]
    public void Count_NeverLessThanTheNumberOfCjkCharacters() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll<string>(text =>
        {
            text ??= "";
            var cjk = text.EnumerateRunes().Count(TokenCounter.IsCjk);
            return TokenCounter.Count(text) >= cjk;
        }));
}
