using Platform.Compliance;
using Platform.Infra.Plan;

namespace Platform.Audit;

/// <summary>The deployment plan of every stack in a directory, by zone, built as <c>pulumi up</c> builds it; or the errors.</summary>
public static class StackPlans
{
    public static (IReadOnlyDictionary<string, DeploymentPlan> Plans, IReadOnlyList<PlanError> Errors) Build(ComplianceModel model, string stacksDirectory)
    {
        var plans = new SortedDictionary<string, DeploymentPlan>(StringComparer.Ordinal);
        var errors = new List<PlanError>();
        foreach (var file in StackFiles.In(stacksDirectory))
        {
            var result = DeploymentPlanner.Build(model, StackConfig.Load(file));
            errors.AddRange(result.Errors);
            if (result.Plan is { } plan && !plans.TryAdd(plan.Zone, plan))
            {
                errors.Add(new PlanError(file, 1, StackConfigKeys.Zone, $"A second stack for zone {plan.Zone}.", "Keep one stack per zone."));
            }
        }

        return (plans, errors);
    }
}
