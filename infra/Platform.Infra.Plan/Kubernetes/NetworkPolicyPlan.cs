namespace Platform.Infra.Plan;

/// <summary>A Kubernetes NetworkPolicy; an empty rule list with its policy type listed denies that direction.</summary>
public sealed record NetworkPolicyPlan(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> PodSelector,
    IReadOnlyList<string> PolicyTypes,
    IReadOnlyList<NetworkRulePlan> Ingress,
    IReadOnlyList<NetworkRulePlan> Egress);

/// <summary>Traffic to or from any of <see cref="Peers"/> on any of <see cref="Ports"/> (all ports when empty).</summary>
public sealed record NetworkRulePlan(IReadOnlyList<NetworkPeerPlan> Peers, IReadOnlyList<NetworkPortPlan> Ports);

/// <summary>
/// A peer: an IP block, or pods chosen by labels. A null <see cref="NamespaceSelector"/> means "this namespace";
/// an empty <see cref="PodSelector"/> means "every pod".
/// </summary>
public sealed record NetworkPeerPlan(string? IpBlockCidr, IReadOnlyDictionary<string, string>? NamespaceSelector, IReadOnlyDictionary<string, string>? PodSelector);

public sealed record NetworkPortPlan(string Protocol, int Port);
