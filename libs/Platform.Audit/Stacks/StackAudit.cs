using Platform.Compliance;
using Platform.Infra.Plan;

namespace Platform.Audit;

/// <summary>
/// Builds every stack's deployment plan with the same planner <c>pulumi up</c> runs (its errors become findings), then
/// checks what no single stack can: the plans against the model, and the stacks together.
/// </summary>
public static class StackAudit
{
    public static IReadOnlyList<AuditFinding> Check(ComplianceModel model, IReadOnlyList<StackConfig> stacks, Action<string>? onStack = null)
    {
        var findings = new List<AuditFinding>();
        var plans = new List<(StackConfig Config, DeploymentPlan Plan)>();
        foreach (var config in stacks)
        {
            onStack?.Invoke(config.Stack);
            var result = DeploymentPlanner.Build(model, config);
            findings.AddRange(result.Errors.Select(e => new AuditFinding(Severity.Violation, RuleOf(e.Key), e.File, e.Line, e.Key, e.Problem, e.Fix)));
            if (result.Plan is { } plan)
            {
                plans.Add((config, plan));
                findings.AddRange(PlanChecks.Check(model, config, plan));
            }
        }

        findings.AddRange(Coverage(model, stacks));
        return findings;
    }

    /// <summary>Each zone is deployed by exactly one stack: a second could hold a copy of its data, a missing one leaves its users unserved.</summary>
    private static IEnumerable<AuditFinding> Coverage(ComplianceModel model, IReadOnlyList<StackConfig> stacks)
    {
        var byZone = stacks
            .Select(s => (Stack: s, Zone: s[StackConfigKeys.Zone]))
            .Where(s => s.Zone?.Scalar is { Length: > 0 })
            .GroupBy(s => s.Zone!.Scalar!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var zone in model.Zones)
        {
            if (!byZone.TryGetValue(zone.Id, out var deployed))
            {
                yield return new AuditFinding(Severity.Violation, Invariant.StackCoverage, zone.Origin.File, zone.Origin.Line, $"zones.{zone.Id}",
                    $"No stack deploys zone {zone.Id}.", $"Add Pulumi.{zone.Id}.yaml with platform:zone: {zone.Id}.");
                continue;
            }

            foreach (var (stack, value) in deployed.Skip(1))
            {
                yield return new AuditFinding(Severity.Violation, Invariant.StackCoverage, stack.File, value!.Line, StackConfigKeys.Zone,
                    $"Stack {stack.Stack} deploys zone {zone.Id}, which stack {deployed[0].Stack.Stack} deploys already.", "Keep one stack per zone; remove or re-target the other.");
            }
        }
    }

    /// <summary>The invariant a planner error breaks, by the config key it names.</summary>
    internal static string RuleOf(string key) => key switch
    {
        StackConfigKeys.TraceRetentionDays => Invariant.TraceRetention,
        StackConfigKeys.PublicBucket or StackConfigKeys.BucketReplication => Invariant.PrivateBucket,
        StackConfigKeys.AwsRegion or StackConfigKeys.AzureLocation or StackConfigKeys.AzureEnvironment or StackConfigKeys.LambdaAdapterLayerArn => Invariant.ZonePlacement,
        _ when key.StartsWith(StackConfigKeys.Pools, StringComparison.Ordinal) => Invariant.PoolJurisdiction,
        _ => Invariant.StackValid,
    };
}
