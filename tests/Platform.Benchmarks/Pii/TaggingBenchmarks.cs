using BenchmarkDotNet.Attributes;
using Platform.Pii;

namespace Platform.Benchmarks.Pii;

/// <summary>
/// Tagging cost at 4 KB and 64 KB of three kinds of prompt (see <see cref="TaggingPrompts"/>): PII-dense mixed text, the
/// stress case; a realistic mixed support ticket with a handful of personal data; and a clean prompt with none.
/// Allocation should grow with findings, not with text length.
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private readonly PiiClassifier _classifier = new();
    private string _prompt4K = "";
    private string _prompt64K = "";
    private string _mixed4K = "";
    private string _mixed64K = "";
    private string _clean64K = "";

    [GlobalSetup]
    public void Setup()
    {
        _prompt4K = TaggingPrompts.Build(TaggingPrompts.Dense, 4 * 1024);
        _prompt64K = TaggingPrompts.Build(TaggingPrompts.Dense, 64 * 1024);
        _mixed4K = TaggingPrompts.Build(TaggingPrompts.Mixed, 4 * 1024);
        _mixed64K = TaggingPrompts.Build(TaggingPrompts.Mixed, 64 * 1024);
        _clean64K = TaggingPrompts.Build(TaggingPrompts.Clean, 64 * 1024);
    }

    [Benchmark(Baseline = true)]
    public PiiScan Tag4K() => _classifier.Scan(_prompt4K);

    [Benchmark]
    public PiiScan Tag64K() => _classifier.Scan(_prompt64K);

    [Benchmark]
    public PiiScan TagMixed4K() => _classifier.Scan(_mixed4K);

    [Benchmark]
    public PiiScan TagMixed64K() => _classifier.Scan(_mixed64K);

    [Benchmark]
    public PiiScan TagClean64K() => _classifier.Scan(_clean64K);
}
