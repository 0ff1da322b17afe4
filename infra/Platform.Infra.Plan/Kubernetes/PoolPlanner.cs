using System.Globalization;
using Platform.Compliance;

namespace Platform.Infra.Plan;

/// <summary>The zone's GPU pools (pools.yaml) as Kubernetes workloads, and the network policies that fence them in.</summary>
internal static class PoolPlanner
{
    public const int VllmPort = 8000;
    public const string HealthPath = "/health";
    public const string ModelCacheClaim = "platform-model-cache";
    public const string ModelCachePath = "/root/.cache/huggingface";

    /// <summary>Label every pool pod carries, which the network policies select on.</summary>
    public static readonly KeyValuePair<string, string> PoolLabel = new("app.kubernetes.io/part-of", "platform-gpu-pools");

    /// <summary>Node label a GPU node must carry to run pools of an accelerator (set by whoever adds the node group).</summary>
    public const string AcceleratorNodeLabel = "platform.io/accelerator";

    public static IReadOnlyList<PoolDeploymentPlan> Pools(ComplianceModel model, Zone zone, string ns, ConfigReader read)
    {
        var pools = model.PoolsIn(zone.Id);
        var overrides = Overrides(pools, zone, read);
        var ingress = read.List(StackConfigKeys.RegionalIngressCidrs, "Set platform:regionalIngressCidrs to the CIDRs of platform:regionalSubnetIds, the only place pool traffic may come from.");
        return pools.Select(pool =>
        {
            var o = overrides.GetValueOrDefault(pool.Id);
            var accelerator = o?.Accelerator is { } a ? model.Accelerators.First(x => x.Id == a) : pool.Accelerator;
            return Deployment(pool, accelerator, o?.Replicas ?? pool.Replicas, ns, ingress);
        }).ToArray();
    }

    public static IReadOnlyList<NetworkPolicyPlan> NetworkPolicies(string ns, ConfigReader read)
    {
        var pods = new Dictionary<string, string> { [PoolLabel.Key] = PoolLabel.Value };
        var dns = new NetworkRulePlan(
            [new NetworkPeerPlan(null, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "kube-system" }, new Dictionary<string, string> { ["k8s-app"] = "kube-dns" })],
            [new NetworkPortPlan("UDP", 53), new NetworkPortPlan("TCP", 53)]);
        var sameNamespace = new NetworkRulePlan([new NetworkPeerPlan(null, null, new Dictionary<string, string>())], []);
        var regional = new NetworkRulePlan(
            read.Config[StackConfigKeys.RegionalIngressCidrs]?.List?.Select(c => new NetworkPeerPlan(c, null, null)).ToArray() ?? [],
            [new NetworkPortPlan("TCP", VllmPort)]);
        return
        [
            // Nothing in the namespace talks to anything unless a policy below allows it.
            new NetworkPolicyPlan("default-deny-all", ns, new Dictionary<string, string>(), ["Ingress", "Egress"], [], []),
            // No egress beyond the cluster's DNS and the namespace: prompts and answers cannot leave from a pool.
            new NetworkPolicyPlan("gpu-pools-egress", ns, pods, ["Egress"], [], [dns, sameNamespace]),
            // Only the regional function's subnets (its path into the cluster) and the namespace itself reach the pools.
            new NetworkPolicyPlan("gpu-pools-ingress", ns, pods, ["Ingress"], [regional, sameNamespace], []),
        ];
    }

    private sealed record Override(string? Accelerator, int? Replicas);

    private static Dictionary<string, Override> Overrides(IReadOnlyList<Pool> pools, Zone zone, ConfigReader read)
    {
        var result = new Dictionary<string, Override>(StringComparer.Ordinal);
        if (read.Config[StackConfigKeys.Pools] is not { } config)
        {
            return result;
        }

        if (config.Map is null)
        {
            read.Error(config, "Expected a map of pool ids to overrides.", "Write platform:pools: followed by '<pool id>: { replicas: <n> }' lines.");
            return result;
        }

        foreach (var (poolId, value) in config.Map)
        {
            if (pools.All(p => p.Id != poolId))
            {
                read.Error(value, $"'{poolId}' is not a pool of zone {zone.Id} in policies/pools.yaml.", $"Use one of: {string.Join(", ", pools.Select(p => p.Id))}.");
                continue;
            }

            var fields = value.Map ?? new Dictionary<string, ConfigValue>();
            foreach (var unknown in fields.Values.Where(f => f.Key != $"{value.Key}.accelerator" && f.Key != $"{value.Key}.replicas"))
            {
                read.Error(unknown, $"Unknown pool setting '{unknown.Key}'.", "A stack may set only accelerator and replicas of a pool; the rest is in policies/pools.yaml.");
            }

            var accelerator = fields.GetValueOrDefault("accelerator")?.Scalar;
            if (accelerator is not null && !zone.Accelerators.Contains(accelerator))
            {
                read.Error(fields["accelerator"],
                    $"Accelerator '{accelerator}' may not run in zone {zone.Id} ({zone.Origin}).",
                    $"Use one of zone {zone.Id}'s accelerators: {string.Join(", ", zone.Accelerators)}; or remove the override.");
                accelerator = null;
            }

            int? replicas = null;
            if (fields.GetValueOrDefault("replicas") is { } r)
            {
                if (int.TryParse(r.Scalar, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
                {
                    replicas = n;
                }
                else
                {
                    read.Error(r, $"'{r.Scalar}' is not a number of replicas.", "Write a whole number, at least 1.");
                }
            }

            result[poolId] = new Override(accelerator, replicas);
        }

        return result;
    }

    private static PoolDeploymentPlan Deployment(Pool pool, Accelerator accelerator, int replicas, string ns, IReadOnlyList<string> ingress)
    {
        var tensorParallel = pool.AcceleratorsPerReplica.ToString(CultureInfo.InvariantCulture);
        var args = new List<string>
        {
            pool.Model.Source,
            "--served-model-name", pool.Model.Id,
            "--host", "0.0.0.0",
            "--port", VllmPort.ToString(CultureInfo.InvariantCulture),
            "--tensor-parallel-size", tensorParallel,
            "--max-num-seqs", pool.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
        };
        if (pool.Model.ReasoningParser is { } parser)
        {
            args.AddRange(["--reasoning-parser", parser]);
        }

        var labels = new Dictionary<string, string>
        {
            [PoolLabel.Key] = PoolLabel.Value,
            ["app.kubernetes.io/name"] = pool.Id,
            ["platform.io/pool"] = pool.Id,
            ["platform.io/zone"] = pool.Zone,
            [AcceleratorNodeLabel] = accelerator.Id,
        };
        return new PoolDeploymentPlan(
            pool.Id,
            pool.Id,
            ns,
            accelerator.Id,
            accelerator.Vendor,
            accelerator.Image,
            ["vllm", "serve"],
            args,
            // Weights come from the in-zone model cache; the pools have no route to a model hub.
            new Dictionary<string, string> { ["HF_HUB_OFFLINE"] = "1", ["VLLM_NO_USAGE_STATS"] = "1", ["DO_NOT_TRACK"] = "1" },
            pool.Model.Id,
            replicas,
            accelerator.Resource,
            pool.AcceleratorsPerReplica,
            labels,
            new Dictionary<string, string> { [AcceleratorNodeLabel] = accelerator.Id },
            [new TolerationPlan(accelerator.Resource, "Exists", "NoSchedule")],
            VllmPort,
            // Loading weights takes minutes; readiness gates traffic, liveness restarts a hung server.
            new ProbePlan(HealthPath, VllmPort, InitialDelaySeconds: 60, PeriodSeconds: 10, FailureThreshold: 60),
            new ProbePlan(HealthPath, VllmPort, InitialDelaySeconds: 900, PeriodSeconds: 30, FailureThreshold: 5),
            ModelCacheClaim,
            ModelCachePath,
            PdbMinAvailable: replicas > 1 ? replicas - 1 : 0,
            ServiceType: "LoadBalancer",
            new Dictionary<string, string> { ["service.beta.kubernetes.io/aws-load-balancer-internal"] = "true" },
            ingress,
            RegionalFunctionPlan.PoolEndpointVariable(pool.Id));
    }
}
