namespace Platform.Audit;

/// <summary>One thing the audit found: which rule, where (file and line), what is wrong, and the fix.</summary>
public sealed record AuditFinding(Severity Severity, string Rule, string File, int Line, string Key, string Message, string Fix)
{
    public string Location => $"{File}:{Line}";

    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} [{Rule}] {Location}: {Key}: {Message}{(Fix.Length > 0 ? " Fix: " + Fix : "")}";
}
