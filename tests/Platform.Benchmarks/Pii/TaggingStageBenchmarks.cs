using BenchmarkDotNet.Attributes;
using Platform.Pii;
using Platform.Pii.Locale;
using Platform.Pii.Text;

namespace Platform.Benchmarks.Pii;

/// <summary>
/// The one pass that reads every char, alone, next to the whole scan of the same realistic 4 KB prompt: how much of
/// a 4 KB scan is the walk over the text (cue matching, then cue matching with the locale's evidence counted in the
/// same walk), and so how much is left to the detectors.
/// </summary>
[MemoryDiagnoser]
public class TaggingStageBenchmarks
{
    private readonly PiiClassifier _classifier = new();
    private readonly CueLexicon _cues = CueLexicon.Load(EmbeddedData.Lines("cues.txt"));
    private readonly List<CueHit> _hits = [];
    private string _mixed4K = "";

    [GlobalSetup]
    public void Setup() => _mixed4K = TaggingPrompts.Build(TaggingPrompts.Mixed, 4 * 1024);

    [Benchmark(Baseline = true)]
    public PiiScan ScanMixed4K() => _classifier.Scan(_mixed4K);

    [Benchmark]
    public int CuesMixed4K()
    {
        _hits.Clear();
        var none = default(NoTextObserver);
        _cues.FindAll(_mixed4K, _hits, ref none);
        return _hits.Count;
    }

    [Benchmark]
    public string CuesAndLocaleMixed4K()
    {
        _hits.Clear();
        var evidence = new LocaleEvidence();
        _cues.FindAll(_mixed4K, _hits, ref evidence);
        return LocaleDetector.Decide(evidence, null);
    }
}
