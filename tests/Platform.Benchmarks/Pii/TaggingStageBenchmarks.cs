using BenchmarkDotNet.Attributes;
using Platform.Pii;
using Platform.Pii.Locale;
using Platform.Pii.Text;

namespace Platform.Benchmarks.Pii;

/// <summary>
/// The two passes that read every char, alone, next to the whole scan of the same realistic 4 KB prompt: how much of
/// a 4 KB scan is locale detection and cue matching, before anyone folds or trims them.
/// </summary>
[MemoryDiagnoser]
public class TaggingStageBenchmarks
{
    private readonly PiiClassifier _classifier = new();
    private readonly LocaleDetector _locale = new();
    private readonly CueLexicon _cues = CueLexicon.Load(EmbeddedData.Lines("cues.txt"));
    private string _mixed4K = "";

    [GlobalSetup]
    public void Setup() => _mixed4K = TaggingPrompts.Build(TaggingPrompts.Mixed, 4 * 1024);

    [Benchmark(Baseline = true)]
    public PiiScan ScanMixed4K() => _classifier.Scan(_mixed4K);

    [Benchmark]
    public string LocaleMixed4K() => _locale.Detect(_mixed4K, null);

    [Benchmark]
    public int CuesMixed4K() => _cues.FindAll(_mixed4K).Count;
}
