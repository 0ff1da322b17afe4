using Platform.Pii.Addresses;
using Platform.Pii.Contacts;
using Platform.Pii.Identifiers;
using Platform.Pii.Locale;
using Platform.Pii.Names;
using Platform.Pii.Sensitive;
using Platform.Pii.Text;

namespace Platform.Pii;

/// <summary>
/// Finds personal data in a prompt and detects its locale. Build once and reuse: all tables are loaded in the
/// constructor and <see cref="Scan"/> keeps no shared mutable state, so it is thread-safe.
/// </summary>
public sealed class PiiClassifier
{
    private readonly CueLexicon _cues;
    private readonly NumberDetector _numbers;
    private readonly AlphanumericDetector _alphanumerics;
    private readonly EmailDetector _emails = new();
    private readonly IpAddressDetector _ips = new();
    private readonly CoordinateDetector _coordinates = new();
    private readonly BiometricDetector _biometrics = new();
    private readonly AddressDetector _addresses = new();
    private readonly DateOfBirthDetector _birthDates = new();
    private readonly NameDetector _names;
    private readonly SensitiveDetector _sensitive = new();
    private readonly MinorAgeDetector _minors = new();

    // Cue hits live only while one Scan runs, and a Scan never yields its thread, so one list per thread serves them all.
    [ThreadStatic]
    private static List<CueHit>? t_cueHits;
    private const int MaxKeptCueHits = 4096;

    public PiiClassifier()
    {
        var tables = new IdentifierTables();
        _cues = CueLexicon.Load(EmbeddedData.Lines("cues.txt"));
        _numbers = new NumberDetector(tables);
        _alphanumerics = new AlphanumericDetector(tables);
        _names = new NameDetector(new NameLexicon());
    }

    public PiiScan Scan(string text, string? acceptLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // One walk reads the cues and the locale's evidence; the hit list is reused by the next scan on this thread.
        var evidence = new LocaleEvidence();
        var cues = t_cueHits ??= new List<CueHit>();
        cues.Clear();
        _cues.FindAll(text, cues, ref evidence);
        var locale = LocaleDetector.Decide(evidence, acceptLanguage);
        var ctx = new ScanContext(text, cues, locale);
        // Order matters: validated identifiers claim their spans before looser, cue-driven detectors run.
        _emails.Detect(ctx);
        _alphanumerics.Detect(ctx);
        _numbers.Detect(ctx);
        _ips.Detect(ctx);
        _coordinates.Detect(ctx);
        _biometrics.Detect(ctx);
        _addresses.Detect(ctx);
        _birthDates.Detect(ctx);
        _names.Detect(ctx);
        _minors.Detect(ctx);
        _sensitive.Detect(ctx);
        if (cues.Capacity > MaxKeptCueHits)
        {
            t_cueHits = null; // a rare huge prompt's list is not kept for the thread's lifetime
        }
        return new PiiScan(locale, ctx.Findings);
    }
}
