using Platform.Compliance;

namespace Platform.Infra.Plan;

/// <summary>The zone's edge: an Azure Functions app in the zone's Azure cloud and region (zones.yaml).</summary>
internal static class AzurePlanner
{
    /// <summary>The azure-native provider's name for each Azure cloud zones.yaml can name.</summary>
    private static readonly Dictionary<string, string> Environments = new(StringComparer.Ordinal)
    {
        ["AzureCloud"] = "public",
        ["AzureChinaCloud"] = "china",
        ["AzureUSGovernment"] = "usgovernment",
    };

    public static AzureTarget Target(Zone zone, ConfigReader read)
    {
        var environment = Environments.GetValueOrDefault(zone.Azure.Cloud, "public");
        if (!Environments.ContainsKey(zone.Azure.Cloud))
        {
            read.Error(StackConfigKeys.Zone, $"Zone {zone.Id}'s Azure cloud '{zone.Azure.Cloud}' is not one the edge can be deployed to.", $"Correct zones.{zone.Id}.azure.cloud ({zone.Origin}) to one of: {string.Join(", ", Environments.Keys)}.");
        }

        if (read.String(StackConfigKeys.AzureLocation, null) is { } location && location != zone.Azure.Region)
        {
            read.Error(StackConfigKeys.AzureLocation,
                $"Location '{location}' is outside zone {zone.Id}: its edge must be in {zone.Azure.Cloud} {zone.Azure.Region} ({zone.Origin}).",
                $"Set azure-native:location to {zone.Azure.Region}, or remove it.");
        }

        if (read.String(StackConfigKeys.AzureEnvironment, null) is { } configured && configured != environment)
        {
            read.Error(StackConfigKeys.AzureEnvironment,
                $"Environment '{configured}' is not zone {zone.Id}'s Azure cloud {zone.Azure.Cloud}.",
                $"Set azure-native:environment to {environment}, or remove it.");
        }

        return new AzureTarget(zone.Azure.Cloud, environment, zone.Azure.Region);
    }

    public static EdgeFunctionAppPlan EdgeFunctionApp(Zone zone, AwsTarget aws, AzureTarget azure, IReadOnlyDictionary<string, string> tags, ConfigReader read)
    {
        var package = read.String(StackConfigKeys.EdgePackage, "Set platform:edgePackage to the folder `dotnet publish edge/Platform.Edge -c Release -r linux-x64 --self-contained -o artifacts/edge` writes: artifacts/edge.");
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_EXTENSION_VERSION"] = "~4",
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["Edge__Zone"] = zone.Id,
        };
        // Azure names storage accounts and function apps globally: the account id keeps them unique per tenant.
        return new EdgeFunctionAppPlan(
            $"platform-edge-{zone.Id}-{aws.AccountId}",
            $"platform-{zone.Id}",
            azure.Location,
            $"pedge{zone.Id}{aws.AccountId}",
            "packages",
            package ?? "",
            $"platform-edge-{zone.Id}",
            PlanSkuName: "EP1",
            PlanSkuTier: "ElasticPremium",
            Kind: "functionapp,linux",
            EdgeFunctionPackage.ExecutableName,
            settings,
            RegionalUrlSetting: $"Edge__Zones__{zone.Id}__Url",
            RegionalSigningKeySetting: $"Edge__Zones__{zone.Id}__SigningKey",
            tags);
    }
}
