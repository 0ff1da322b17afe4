using Platform.Infra.Plan;

namespace Platform.Audit;

/// <summary><c>platform audit</c>: the policies, then every stack against them, then the stacks together.</summary>
public static class Auditor
{
    /// <param name="onStep">Told before each step (loading the policies, each stack), for a progress display.</param>
    public static AuditReport Run(string policiesDirectory, string stacksDirectory, Action<string>? onStep = null)
    {
        onStep?.Invoke("policies");
        var (model, findings) = PolicyAudit.Check(policiesDirectory);
        var files = StackFiles.In(stacksDirectory);
        if (model is null)
        {
            // The stacks are planned against the model; with none, a stack finding would only repeat the policy ones.
            var skipped = files.Select(f => new AuditFinding(Severity.Info, Invariant.StackValid, f, 1, StackConfigKeys.Zone,
                "Not checked: the policies do not load, and every stack is planned against them.", "Fix the policy findings, then audit again."));
            return new AuditReport([.. findings, .. skipped], files);
        }

        var stacks = files.Select(StackConfig.Load).ToArray();
        return new AuditReport([.. findings, .. StackAudit.Check(model, stacks, stack => onStep?.Invoke($"stack {stack}"))], files);
    }
}
