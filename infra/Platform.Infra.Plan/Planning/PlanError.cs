namespace Platform.Infra.Plan;

/// <summary>One reason a stack cannot be deployed: where (stack file, line, config key), what is wrong, and the fix.</summary>
public sealed record PlanError(string File, int Line, string Key, string Problem, string Fix)
{
    public override string ToString() => $"{File}:{Line}: {Key}: {Problem} Fix: {Fix}";
}
