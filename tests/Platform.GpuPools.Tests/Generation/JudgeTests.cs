using System.Globalization;
using System.Text.Json;
using Platform.GpuPools.Simulator.Faults;
using Platform.GpuPools.Simulator.Generation;

namespace Platform.GpuPools.Tests.Generation;

public sealed class JudgeTests
{
    private static (string, string)[] Judging(string answer) =>
        [("system", "[platform-judge] Grade it."), ("user", "Question:\nWhy?\n\nAnswer:\n" + answer)];

    private static (string Verdict, double Score) Read(GeneratedReply reply)
    {
        using var doc = JsonDocument.Parse(string.Concat(reply.Answer));
        return (doc.RootElement.GetProperty("verdict").GetString()!, doc.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void OnlyASystemMessageStartingWithTheMarker_MakesAJudgeRequest()
    {
        Judge.IsJudgeRequest(Judging("x")).ShouldBeTrue();
        Judge.IsJudgeRequest([("user", "[platform-judge] hi")]).ShouldBeFalse();
        Judge.IsJudgeRequest([("system", "You are helpful. [platform-judge]"), ("user", "hi")]).ShouldBeFalse();
    }

    [Fact]
    public void RejectRate_IsTheShareOfTextsFailed_AndScoresAgreeWithVerdicts()
    {
        var verdicts = Enumerable.Range(0, 2000).Select(i => Read(Judge.Verdict(Judging(i.ToString(CultureInfo.InvariantCulture)), 0.3))).ToArray();

        (verdicts.Count(v => v.Verdict == "fail") / 2000.0).ShouldBeInRange(0.26, 0.34);
        verdicts.ShouldAllBe(v => (v.Verdict == "pass") == (v.Score >= 0.5));
    }

    [Theory]
    [InlineData(0.0, "pass")]
    [InlineData(1.0, "fail")]
    public void RejectRateZeroOrOne_PassesOrFailsEveryText(double rate, string verdict) =>
        Enumerable.Range(0, 200).ShouldAllBe(i => Read(Judge.Verdict(Judging("a" + i), rate)).Verdict == verdict);

    [Fact]
    public void SameText_SameVerdict() =>
        Judge.Verdict(Judging("the answer"), 0.5).Answer.ShouldBe(Judge.Verdict(Judging("the answer"), 0.5).Answer);

    [Fact]
    public void JudgeRejectRateOutsideZeroToOne_IsRefused() =>
        new FaultSettings(JudgeRejectRate: 1.5).Problem().ShouldBe("judge_reject_rate must be between 0 and 1.");
}
