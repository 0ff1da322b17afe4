using Platform.Pii.Evaluation;

namespace Platform.Pii.Tests.Detection;

/// <summary>One classifier instance is shared by every request: concurrent scans must equal sequential ones.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Scan_SharedInstanceAcrossThreads_GivesTheSameFindingsAsSequential()
    {
        var texts = PiiEvaluator.ReadJsonl(TestData.DevSetPath).Select(r => r.Text).ToArray();
        var sequential = texts.Select(t => Describe(TestData.Classifier.Scan(t))).ToArray();
        var parallel = new string[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Describe(TestData.Classifier.Scan(texts[i])));
        parallel.ShouldBe(sequential);
    }

    private static string Describe(PiiScan scan) => scan.Locale + "|" + string.Join(";", scan.Findings.Select(f => $"{f.Type}@{f.Start}+{f.Length}"));
}
