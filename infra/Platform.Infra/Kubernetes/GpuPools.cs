using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Namespace = Pulumi.Kubernetes.Core.V1.Namespace;
using NetworkPolicy = Pulumi.Kubernetes.Networking.V1.NetworkPolicy;

namespace Platform.Infra;

public sealed class GpuPoolsArgs
{
    public required DeploymentPlan Plan { get; init; }
}

/// <summary>The zone's namespace, its network policies, and one <see cref="GpuPool"/> per pool of the zone.</summary>
public sealed class GpuPools : ComponentResource
{
    public GpuPools(string name, GpuPoolsArgs args, ComponentResourceOptions? options = null)
        : base("platform:kubernetes:GpuPools", name, options)
    {
        var plan = args.Plan;
        var ns = new Namespace(plan.Kubernetes.Namespace, new NamespaceArgs
        {
            // Not the cloud tags: their values may hold characters Kubernetes labels refuse.
            Metadata = new ObjectMetaArgs { Name = plan.Kubernetes.Namespace, Labels = { { "platform.io/zone", plan.Zone } } },
        }, new CustomResourceOptions { Parent = this });
        var inNamespace = new CustomResourceOptions { Parent = this, DependsOn = { ns } };

        foreach (var policy in plan.NetworkPolicies)
        {
            _ = new NetworkPolicy(policy.Name, new NetworkPolicyArgs
            {
                Metadata = new ObjectMetaArgs { Name = policy.Name, Namespace = policy.Namespace },
                Spec = new NetworkPolicySpecArgs
                {
                    PodSelector = new LabelSelectorArgs { MatchLabels = policy.PodSelector.ToInputMap() },
                    PolicyTypes = policy.PolicyTypes.ToArray(),
                    Ingress = policy.Ingress.Select(r => new NetworkPolicyIngressRuleArgs { From = Peers(r), Ports = Ports(r) }).ToArray(),
                    Egress = policy.Egress.Select(r => new NetworkPolicyEgressRuleArgs { To = Peers(r), Ports = Ports(r) }).ToArray(),
                },
            }, inNamespace);
        }

        var endpoints = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (var pool in plan.PoolDeployments)
        {
            var gpuPool = new GpuPool(pool.Name, new GpuPoolArgs { Plan = pool }, new ComponentResourceOptions { Parent = this, DependsOn = { ns } });
            endpoints[pool.PoolId] = gpuPool.Endpoint;
        }

        Endpoints = endpoints;
        RegisterOutputs(new Dictionary<string, object?> { ["namespace"] = plan.Kubernetes.Namespace });
    }

    /// <summary>Each pool's base URL, by pool id.</summary>
    public IReadOnlyDictionary<string, Output<string>> Endpoints { get; }

    private static NetworkPolicyPeerArgs[] Peers(NetworkRulePlan rule) => rule.Peers.Select(Peer).ToArray();

    private static NetworkPolicyPeerArgs Peer(NetworkPeerPlan plan)
    {
        var peer = new NetworkPolicyPeerArgs();
        if (plan.IpBlockCidr is { } cidr)
        {
            peer.IpBlock = new IPBlockArgs { Cidr = cidr };
        }

        if (plan.NamespaceSelector is { } namespaces)
        {
            peer.NamespaceSelector = new LabelSelectorArgs { MatchLabels = namespaces.ToInputMap() };
        }

        if (plan.PodSelector is { } pods)
        {
            peer.PodSelector = new LabelSelectorArgs { MatchLabels = pods.ToInputMap() };
        }

        return peer;
    }

    private static NetworkPolicyPortArgs[] Ports(NetworkRulePlan rule) =>
        rule.Ports.Select(p => new NetworkPolicyPortArgs { Protocol = p.Protocol, Port = p.Port }).ToArray();
}
