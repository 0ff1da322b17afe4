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

    public static EdgeFunctionAppPlan EdgeFunctionApp(ComplianceModel model, Zone zone, AwsTarget aws, AzureTarget azure, IReadOnlyDictionary<string, string> tags, ConfigReader read)
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
            RegionalUrlSetting: UrlSetting(zone.Id),
            RegionalSigningKeySetting: SigningKeySetting(zone.Id),
            FailoverPeers(model, zone, read),
            tags);
    }

    /// <summary>
    /// Every zone other than its own that the model lets a request homed in this zone be served in, whatever its
    /// data class, in the model's order of preference: the edge can forward only to zones whose endpoints it has.
    /// </summary>
    private static FailoverPeerPlan[] FailoverPeers(ComplianceModel model, Zone zone, ConfigReader read)
    {
        var organization = StackOrganization(read);
        return model.DataClasses.Classes
            .SelectMany(c => model.ServingZones(zone.Id, c.Class))
            .Where(serving => serving != zone.Id)
            .Distinct(StringComparer.Ordinal)
            .Select(peer => new FailoverPeerPlan(peer, organization, peer, UrlSetting(peer), SigningKeySetting(peer)))
            .ToArray();
    }

    /// <summary>The organization of the peer zones' stacks when it is not the deploying stack's own.</summary>
    private static string? StackOrganization(ConfigReader read)
    {
        var organization = read.String(StackConfigKeys.StackOrganization, null);
        if (organization is not null && !organization.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            read.Error(StackConfigKeys.StackOrganization,
                $"'{organization}' is not a Pulumi organization name.",
                "Set platform:stackOrganization to the organization (or user) that owns the peer zones' stacks, like acme (letters, digits, '-', '_' and '.' only), or remove it to use the deploying stack's organization.");
            return null;
        }

        return organization;
    }

    /// <summary>The edge's setting names for a zone's regional function (Edge:Zones:&lt;zone&gt;:Url and :SigningKey as app settings).</summary>
    private static string UrlSetting(string zone) => $"Edge__Zones__{zone}__Url";

    private static string SigningKeySetting(string zone) => $"Edge__Zones__{zone}__SigningKey";
}
