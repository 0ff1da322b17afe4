namespace Platform.Infra.Plan;

/// <summary>Either a plan to deploy, or every reason there is none; never both.</summary>
public sealed record PlanResult(DeploymentPlan? Plan, IReadOnlyList<PlanError> Errors)
{
    public bool Succeeded => Plan is not null;

    /// <summary>The plan, or an exception whose message lists every error, for the Pulumi program to fail with before creating anything.</summary>
    public DeploymentPlan PlanOrThrow() => Plan ?? throw new InvalidOperationException(
        $"The stack cannot be deployed ({Errors.Count} problem{(Errors.Count == 1 ? "" : "s")}):"
        + string.Concat(Errors.Select(e => Environment.NewLine + "  " + e)));
}
