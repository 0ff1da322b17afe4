namespace Platform.Infra.Plan;

/// <summary>
/// One GPU pool of pools.yaml as a vLLM (or vLLM-Ascend) Deployment with its Service and PodDisruptionBudget.
/// </summary>
public sealed record PoolDeploymentPlan(
    string PoolId,
    string Name,
    string Namespace,
    string Accelerator,
    string AcceleratorVendor,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Environment,
    string ServedModelName,
    int Replicas,
    string AcceleratorResource,
    int AcceleratorsPerReplica,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<TolerationPlan> Tolerations,
    int Port,
    ProbePlan Readiness,
    ProbePlan Liveness,
    string ModelCacheClaim,
    string ModelCachePath,
    int PdbMinAvailable,
    string ServiceType,
    IReadOnlyDictionary<string, string> ServiceAnnotations,
    IReadOnlyList<string> ServiceSourceRanges,
    string EndpointVariable);

public sealed record TolerationPlan(string Key, string Operator, string Effect);

public sealed record ProbePlan(string Path, int Port, int InitialDelaySeconds, int PeriodSeconds, int FailureThreshold);
