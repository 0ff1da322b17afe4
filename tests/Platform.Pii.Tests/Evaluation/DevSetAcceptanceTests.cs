using Platform.Pii.Evaluation;

namespace Platform.Pii.Tests.Evaluation;

/// <summary>The issue's acceptance targets, measured on the shared development set.</summary>
public sealed class DevSetAcceptanceTests
{
    private static readonly Lazy<EvaluationReport> Report = new(() =>
        PiiEvaluator.Evaluate(PiiEvaluator.ReadJsonl(TestData.DevSetPath), TestData.Classifier, TestData.ClassOf));

    [Fact]
    public void DevSet_Report_MeetsEveryTarget()
    {
        var report = Report.Value;
        TestContext.Current.TestOutputHelper?.WriteLine(report.Render());
        report.Rows.ShouldBe(332);
        report.PiiRecall.ShouldBeGreaterThanOrEqualTo(0.99);
        report.SensitiveRecall.ShouldBeGreaterThanOrEqualTo(0.95);
        report.NoneFalsePositiveRate.ShouldBeLessThanOrEqualTo(0.05);
        report.DecoyFalsePositives.ShouldBe(0);
        report.LocaleAccuracy.ShouldBeGreaterThanOrEqualTo(0.97);
    }

    [Fact]
    public void Report_Render_EndsWithTheSummaryLine()
    {
        var lines = Report.Value.Render().Split('\n');
        lines[^1].ShouldMatch(@"^pii-recall=\d\.\d{3} sensitive-recall=\d\.\d{3} none-fpr=\d\.\d{3} decoy-fp=\d+$");
        lines[^2].ShouldMatch(@"^locale-accuracy=\d\.\d{3}\r?$");
    }

    [Fact]
    public void Report_ConfusionMatrix_CountsEveryRowOnce()
    {
        Report.Value.Confusion.Values.Sum().ShouldBe(332);
    }

    [Fact]
    public void Evaluate_DecoyOverlappingAFinding_IsCountedAsFalsePositive()
    {
        var row = new LabelledPrompt("t-1", "en", "card 4111 1111 1111 1111 please", [], "none", [new LabelledSpan("order_number", "4111 1111 1111 1111")]);
        var report = PiiEvaluator.Evaluate([row], TestData.Classifier, TestData.ClassOf);
        report.DecoyFalsePositives.ShouldBe(1);
        report.NoneFalsePositiveRate.ShouldBe(1);
    }

    [Fact]
    public void ReadJsonl_SharedSchema_ReadsAllFields()
    {
        using var reader = new StringReader("""{"id":"x","lang":"zh","text":"t","pii":[{"type":"email","value":"t"}],"expected_class":"direct","decoys":[],"org_ids":[{"type":"uscc","value":"t"}],"domain":"hr"}""");
        var row = PiiEvaluator.ReadJsonl(reader).ShouldHaveSingleItem();
        row.Pii.ShouldHaveSingleItem().Type.ShouldBe("email");
        row.OrgIds!.ShouldHaveSingleItem().Type.ShouldBe("uscc");
    }
}
