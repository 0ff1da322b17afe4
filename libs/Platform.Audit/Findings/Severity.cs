namespace Platform.Audit;

/// <summary>How much a finding matters: any <see cref="Violation"/> fails the audit.</summary>
public enum Severity
{
    Info,
    Warning,
    Violation,
}
