using System.Globalization;
using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using Deployment = Pulumi.Kubernetes.Apps.V1.Deployment;
using PodDisruptionBudget = Pulumi.Kubernetes.Policy.V1.PodDisruptionBudget;
using Service = Pulumi.Kubernetes.Core.V1.Service;

namespace Platform.Infra;

public sealed class GpuPoolArgs
{
    public required PoolDeploymentPlan Plan { get; init; }
}

/// <summary>One pool of pools.yaml: a vLLM (or vLLM-Ascend) Deployment on its accelerator, its Service and PodDisruptionBudget.</summary>
public sealed class GpuPool : ComponentResource
{
    public GpuPool(string name, GpuPoolArgs args, ComponentResourceOptions? options = null)
        : base("platform:kubernetes:GpuPool", name, options)
    {
        var plan = args.Plan;
        var child = new CustomResourceOptions { Parent = this };
        var labels = plan.Labels.ToInputMap();
        var selector = new LabelSelectorArgs { MatchLabels = { { "platform.io/pool", plan.PoolId } } };
        var accelerators = new InputMap<string> { { plan.AcceleratorResource, plan.AcceleratorsPerReplica.ToString(CultureInfo.InvariantCulture) } };

        _ = new Deployment(name, new DeploymentArgs
        {
            Metadata = new ObjectMetaArgs { Name = plan.Name, Namespace = plan.Namespace, Labels = labels },
            Spec = new DeploymentSpecArgs
            {
                Replicas = plan.Replicas,
                Selector = selector,
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs { Labels = labels },
                    Spec = new PodSpecArgs
                    {
                        NodeSelector = plan.NodeSelector.ToInputMap(),
                        Tolerations = plan.Tolerations.Select(t => new TolerationArgs { Key = t.Key, Operator = t.Operator, Effect = t.Effect }).ToArray(),
                        Containers =
                        {
                            new ContainerArgs
                            {
                                Name = "vllm",
                                Image = plan.Image,
                                Command = plan.Command.ToArray(),
                                Args = plan.Args.ToArray(),
                                Env = plan.Environment.Select(e => new EnvVarArgs { Name = e.Key, Value = e.Value }).ToArray(),
                                Ports = { new ContainerPortArgs { Name = "http", ContainerPortValue = plan.Port } },
                                Resources = new ResourceRequirementsArgs { Limits = accelerators, Requests = accelerators },
                                ReadinessProbe = Probe(plan.Readiness),
                                LivenessProbe = Probe(plan.Liveness),
                                VolumeMounts = { new VolumeMountArgs { Name = "model-cache", MountPath = plan.ModelCachePath } },
                            },
                        },
                        Volumes =
                        {
                            new VolumeArgs
                            {
                                Name = "model-cache",
                                PersistentVolumeClaim = new PersistentVolumeClaimVolumeSourceArgs { ClaimName = plan.ModelCacheClaim, ReadOnly = true },
                            },
                        },
                    },
                },
            },
        }, child);

        var service = new Service(name, new ServiceArgs
        {
            Metadata = new ObjectMetaArgs { Name = plan.Name, Namespace = plan.Namespace, Labels = labels, Annotations = plan.ServiceAnnotations.ToInputMap() },
            Spec = new ServiceSpecArgs
            {
                Type = plan.ServiceType,
                Selector = { { "platform.io/pool", plan.PoolId } },
                Ports = { new ServicePortArgs { Name = "http", Port = plan.Port, TargetPort = plan.Port, Protocol = "TCP" } },
                LoadBalancerSourceRanges = plan.ServiceSourceRanges.ToArray(),
            },
        }, child);

        _ = new PodDisruptionBudget(name, new PodDisruptionBudgetArgs
        {
            Metadata = new ObjectMetaArgs { Name = plan.Name, Namespace = plan.Namespace, Labels = labels },
            Spec = new PodDisruptionBudgetSpecArgs { MinAvailable = plan.PdbMinAvailable, Selector = selector },
        }, child);

        Endpoint = service.Status.Apply(status =>
        {
            var ingress = status?.LoadBalancer is { Ingress.IsDefaultOrEmpty: false } lb ? lb.Ingress[0] : null;
            var host = ingress is null ? "" : string.IsNullOrEmpty(ingress.Hostname) ? ingress.Ip : ingress.Hostname;
            return $"http://{host}:{plan.Port}";
        });
        RegisterOutputs(new Dictionary<string, object?> { ["endpoint"] = Endpoint });
    }

    /// <summary>The pool's base URL inside the zone's network (the internal load balancer).</summary>
    public Output<string> Endpoint { get; }

    private static ProbeArgs Probe(ProbePlan probe) => new()
    {
        HttpGet = new HTTPGetActionArgs { Path = probe.Path, Port = probe.Port },
        InitialDelaySeconds = probe.InitialDelaySeconds,
        PeriodSeconds = probe.PeriodSeconds,
        FailureThreshold = probe.FailureThreshold,
    };
}
