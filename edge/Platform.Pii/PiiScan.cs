namespace Platform.Pii;

/// <summary>Result of scanning one prompt: its BCP 47 locale and the personal-data spans found.</summary>
public sealed record PiiScan(string Locale, IReadOnlyList<PiiFinding> Findings);
