namespace Platform.Audit;

/// <summary>Everything one audit found, and which stack files it read.</summary>
public sealed record AuditReport(IReadOnlyList<AuditFinding> Findings, IReadOnlyList<string> Stacks)
{
    public IEnumerable<AuditFinding> Violations => Findings.Where(f => f.Severity == Severity.Violation);

    public bool Passed => !Violations.Any();
}
