using Platform.Compliance;
using Platform.Infra.Plan;

namespace Platform.Audit;

/// <summary>
/// The invariants asked of one built plan: what it would create, not what the stack file says, so a planner change
/// that weakened a setting is caught here even if the stack file is fine.
/// </summary>
internal static class PlanChecks
{
    public static IEnumerable<AuditFinding> Check(ComplianceModel model, StackConfig config, DeploymentPlan plan)
    {
        var zone = model.Zone(plan.Zone);
        AuditFinding Finding(string rule, string key, string message, string fix) =>
            new(Severity.Violation, rule, config.File, config[key]?.Line ?? config[StackConfigKeys.Zone]?.Line ?? 1, key, message, fix);

        var bucket = plan.TraceBucket;
        if (!bucket.BlockPublicAccess || bucket.Replication || bucket.ObjectLock)
        {
            yield return Finding(Invariant.PrivateBucket, StackConfigKeys.PublicBucket,
                $"Trace bucket {bucket.Name} would be created with public access {(bucket.BlockPublicAccess ? "blocked" : "allowed")}, replication {(bucket.Replication ? "on" : "off")}, object lock {(bucket.ObjectLock ? "on" : "off")}.",
                "The bucket must block public access, with no replication and no object lock; fix the planner (TraceBucketPlan).");
        }

        var limit = Math.Min(zone.Retention.TraceDays, Retention.MaxTraceDays);
        foreach (var (where, days) in TraceHomes(plan))
        {
            if (days > limit)
            {
                yield return Finding(Invariant.TraceRetention, StackConfigKeys.TraceRetentionDays,
                    $"{where} keeps data {days} days; zone {zone.Id} allows {limit} ({zone.Origin}).", $"Keep it {limit} days or less.");
            }
        }

        var partition = $"arn:{zone.Aws.Partition}:";
        foreach (var arn in plan.Arns.Where(a => !a.StartsWith(partition, StringComparison.Ordinal)))
        {
            yield return Finding(Invariant.ZonePlacement, StackConfigKeys.Zone, $"Resource {arn} is outside zone {zone.Id}'s partition {zone.Aws.Partition}.", $"Every ARN of the stack must start with {partition}.");
        }

        if (bucket.Region != zone.Aws.Region || plan.RegionalFunction.Region != zone.Aws.Region || plan.Azure.Cloud != zone.Azure.Cloud || plan.Azure.Location != zone.Azure.Region)
        {
            yield return Finding(Invariant.ZonePlacement, StackConfigKeys.Zone,
                $"The plan places resources in AWS {bucket.Region}/{plan.RegionalFunction.Region} and Azure {plan.Azure.Cloud} {plan.Azure.Location}; zone {zone.Id} is AWS {zone.Aws.Region}, Azure {zone.Azure.Cloud} {zone.Azure.Region}.",
                $"Place every resource where {zone.Origin} says.");
        }

        foreach (var deployment in plan.PoolDeployments)
        {
            var pool = model.Pools.FirstOrDefault(p => p.Id == deployment.PoolId);
            if (pool is null || pool.Zone != zone.Id || !zone.Accelerators.Contains(deployment.Accelerator))
            {
                yield return Finding(Invariant.PoolJurisdiction, StackConfigKeys.Pools,
                    $"Pool {deployment.PoolId} on {deployment.Accelerator} is not a pool zone {zone.Id} may run.", $"Deploy only zone {zone.Id}'s pools from policies/pools.yaml on {string.Join(", ", zone.Accelerators)}.");
            }
        }

        foreach (var policy in plan.NetworkPolicies.Where(p => p.Egress.Any(r => r.Peers.Any(peer => peer.IpBlockCidr is not null))))
        {
            yield return Finding(Invariant.PiiStaysHome, StackConfigKeys.Namespace,
                $"Network policy {policy.Name} lets pools send traffic to an IP block: prompts could leave the cluster.", "Pools may reach only cluster DNS and their own namespace.");
        }

        // An edge that knows another zone's URL can send it requests: an isolated zone's edge must know only its own, and no
        // edge may know it. A URL is set directly, or through a failover peer's stack reference at deploy time.
        var edge = plan.EdgeFunctionApp;
        foreach (var setting in edge.AppSettings.Keys.Concat(edge.FailoverPeers.Select(p => p.UrlSetting)).Where(k => k.StartsWith("Edge__Zones__", StringComparison.Ordinal)))
        {
            var target = setting["Edge__Zones__".Length..].Split("__")[0];
            if (target != zone.Id && (zone.Isolated || (model.IsZone(target) && model.Zone(target).Isolated)))
            {
                yield return Finding(Invariant.IsolatedZone, StackConfigKeys.Zone,
                    $"The edge of zone {zone.Id} is configured to reach zone {target} ({setting}).", "An isolated zone's edge reaches only its own regional function, and no other edge reaches it.");
            }
        }
    }

    /// <summary>Everywhere the plan keeps trace data, and for how many days at most.</summary>
    public static IEnumerable<(string Where, int Days)> TraceHomes(DeploymentPlan plan) =>
    [
        ($"Trace bucket {plan.TraceBucket.Name} (lifecycle expiration)", plan.TraceBucket.ExpirationDays),
        ($"Trace bucket {plan.TraceBucket.Name} (noncurrent versions)", plan.TraceBucket.NoncurrentVersionExpirationDays),
        ($"Log group {plan.RegionalFunction.LogGroupName}", plan.RegionalFunction.LogRetentionDays),
    ];
}
