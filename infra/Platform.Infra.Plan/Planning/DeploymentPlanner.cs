using Platform.Compliance;

namespace Platform.Infra.Plan;

/// <summary>
/// Builds a stack's deployment plan from the compliance model and the stack's config, or lists every reason it
/// cannot. Every zone fact (region, partition, accelerators, retention, pools) is asked of the model; the stack
/// file only selects the zone and supplies account-specific values.
/// </summary>
public static class DeploymentPlanner
{
    public static PlanResult Build(ComplianceModel model, StackConfig config)
    {
        var errors = new List<PlanError>(config.Errors);
        if (errors.Count > 0)
        {
            return new PlanResult(null, errors);
        }

        var read = new ConfigReader(config, errors);
        foreach (var value in config.Values.Values.Where(v => v.Key.StartsWith(StackConfigKeys.PlatformNamespace + ":", StringComparison.Ordinal)))
        {
            if (!StackConfigKeys.Platform.Contains(value.Key))
            {
                read.Error(value, $"Unknown key '{value.Key}'.", $"Use one of: {string.Join(", ", StackConfigKeys.Platform)}.");
            }
        }

        var zoneId = read.String(StackConfigKeys.Zone, $"Set platform:zone to one of: {string.Join(", ", model.Zones.Select(z => z.Id))}.");
        if (zoneId is not null && !model.IsZone(zoneId))
        {
            read.Error(StackConfigKeys.Zone, $"Unknown zone '{zoneId}'.", $"Set platform:zone to one of: {string.Join(", ", model.Zones.Select(z => z.Id))}.");
            zoneId = null;
        }

        if (zoneId is null)
        {
            return new PlanResult(null, errors);
        }

        var zone = model.Zone(zoneId);
        var aws = AwsPlanner.Target(zone, read);
        var azure = AzurePlanner.Target(zone, read);
        var tags = Tags(config.Stack, zone, read);
        var kubernetes = new KubernetesTarget(read.String(StackConfigKeys.Namespace, null) ?? $"platform-{zone.Id}");
        read.Secret(StackConfigKeys.Kubeconfig, "Run `pulumi config set --secret platform:kubeconfig \"$(cat <kubeconfig file>)\"` for the zone's GPU cluster.");
        read.Secret(StackConfigKeys.SigningKey, "Run `pulumi config set --secret platform:signingKey \"$(openssl rand -base64 32)\"`: the zone's edge signs request tags with it and its regional function verifies them.");

        var bucket = AwsPlanner.TraceBucket(zone, aws, tags, read);
        var function = AwsPlanner.RegionalFunction(zone, aws, bucket, tags, read);
        var pools = PoolPlanner.Pools(model, zone, kubernetes.Namespace, read);
        var policies = PoolPlanner.NetworkPolicies(kubernetes.Namespace, read);
        var edge = AzurePlanner.EdgeFunctionApp(model, zone, aws, azure, tags, read);

        return errors.Count > 0
            ? new PlanResult(null, errors)
            : new PlanResult(new DeploymentPlan(config.Stack, zone.Id, aws, azure, tags, bucket, function, edge, kubernetes, pools, policies), errors);
    }

    /// <summary>The tags every resource carries: the platform's own, which say where it belongs, then the stack's.</summary>
    private static SortedDictionary<string, string> Tags(string stack, Zone zone, ConfigReader read)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["platform"] = "llm-inference",
            ["platform-zone"] = zone.Id,
            ["platform-stack"] = stack,
            ["managed-by"] = "pulumi",
        };
        if (read.Config[StackConfigKeys.Tags] is { } extra)
        {
            foreach (var (key, value) in extra.Map ?? new Dictionary<string, ConfigValue>())
            {
                if (tags.ContainsKey(key))
                {
                    read.Error(value, $"Tag '{key}' is set by the platform.", $"Remove {StackConfigKeys.Tags}.{key}; the platform's tags say which zone a resource belongs to.");
                }
                else if (value.Scalar is { Length: > 0 } text)
                {
                    tags[key] = text;
                }
                else
                {
                    read.Error(value, "Expected a text value.", $"Write {StackConfigKeys.Tags}.{key}: <text>.");
                }
            }

            if (extra.Map is null)
            {
                read.Error(extra, "Expected a map of tag names to values.", $"Write {StackConfigKeys.Tags}: followed by indented 'name: value' lines.");
            }
        }

        return tags;
    }
}
