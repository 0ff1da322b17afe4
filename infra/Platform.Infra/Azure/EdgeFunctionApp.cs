using Platform.Infra.Plan;
using Pulumi;
using Pulumi.AzureNative.Authorization;
using Pulumi.AzureNative.Resources;
using Pulumi.AzureNative.Storage;
using Pulumi.AzureNative.Web;
using Pulumi.AzureNative.Web.Inputs;
using StorageSkuArgs = Pulumi.AzureNative.Storage.Inputs.SkuArgs;

namespace Platform.Infra;

public sealed class EdgeFunctionAppArgs
{
    public required EdgeFunctionAppPlan Plan { get; init; }

    /// <summary>The zip <see cref="EdgeFunctionPackage"/> wrote.</summary>
    public required string PackageZip { get; init; }

    /// <summary>The zone's regional Function URL, which the edge forwards the zone's requests to.</summary>
    public required Output<string> RegionalUrl { get; init; }

    /// <summary>The zone's tag-signing key (a stack secret), with which the edge signs what it forwards.</summary>
    public required Output<string> SigningKey { get; init; }

    /// <summary>The edge's decision-log settings by name (<see cref="EdgeDecisionWriter.AppSettings"/>): where and as whom it writes its records.</summary>
    public required IReadOnlyDictionary<string, Output<string>> DecisionLogSettings { get; init; }
}

/// <summary>
/// The zone's edge: a Linux Azure Functions app running the edge binary as a custom handler, started from the
/// package zip in a private blob container that the app reads with its own managed identity.
/// </summary>
public sealed class EdgeFunctionApp : ComponentResource
{
    /// <summary>Azure's built-in "Storage Blob Data Owner" role: the Functions host keeps its leases and keys in blobs.</summary>
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

    public EdgeFunctionApp(string name, EdgeFunctionAppArgs args, ComponentResourceOptions? options = null)
        : base("platform:azure:EdgeFunctionApp", name, options)
    {
        var plan = args.Plan;
        var child = new CustomResourceOptions { Parent = this };

        var group = new ResourceGroup($"{name}-group", new ResourceGroupArgs
        {
            ResourceGroupName = plan.ResourceGroupName,
            Location = plan.Location,
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var storage = new StorageAccount($"{name}-storage", new StorageAccountArgs
        {
            AccountName = plan.StorageAccountName,
            ResourceGroupName = group.Name,
            Location = plan.Location,
            Kind = "StorageV2",
            Sku = new StorageSkuArgs { Name = "Standard_LRS" },
            AllowBlobPublicAccess = false,
            AllowSharedKeyAccess = false,
            MinimumTlsVersion = "TLS1_2",
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var container = new BlobContainer($"{name}-packages", new BlobContainerArgs
        {
            AccountName = storage.Name,
            ResourceGroupName = group.Name,
            ContainerName = plan.PackageContainerName,
            PublicAccess = Pulumi.AzureNative.Storage.PublicAccess.None,
        }, child);

        var blobName = Path.GetFileName(args.PackageZip);
        _ = new Blob($"{name}-package", new BlobArgs
        {
            AccountName = storage.Name,
            ResourceGroupName = group.Name,
            ContainerName = container.Name,
            BlobName = blobName,
            Type = Pulumi.AzureNative.Storage.BlobType.Block,
            Source = new FileAsset(args.PackageZip),
        }, child);

        var servicePlan = new AppServicePlan($"{name}-plan", new AppServicePlanArgs
        {
            Name = plan.PlanName,
            ResourceGroupName = group.Name,
            Location = plan.Location,
            Kind = "elastic",
            Reserved = true,
            Sku = new SkuDescriptionArgs { Name = plan.PlanSkuName, Tier = plan.PlanSkuTier },
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var blobEndpoint = storage.PrimaryEndpoints.Apply(e => e.Blob);
        var appSettings = plan.AppSettings.Select(s => new NameValuePairArgs { Name = s.Key, Value = s.Value }).ToList();
        appSettings.Add(new NameValuePairArgs { Name = "AzureWebJobsStorage__blobServiceUri", Value = blobEndpoint });
        appSettings.Add(new NameValuePairArgs { Name = "WEBSITE_RUN_FROM_PACKAGE", Value = blobEndpoint.Apply(b => $"{b}{plan.PackageContainerName}/{blobName}") });
        appSettings.Add(new NameValuePairArgs { Name = "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID", Value = "SystemAssigned" });
        appSettings.Add(new NameValuePairArgs { Name = plan.RegionalUrlSetting, Value = args.RegionalUrl });
        appSettings.Add(new NameValuePairArgs { Name = plan.RegionalSigningKeySetting, Value = args.SigningKey });
        appSettings.AddRange(args.DecisionLogSettings.Select(s => new NameValuePairArgs { Name = s.Key, Value = s.Value }));
        InputList<NameValuePairArgs> settings = appSettings;
        foreach (var peer in plan.FailoverPeers)
        {
            // Peer stacks share this project (Pulumi.yaml); their organization is the plan's, or this stack's. Pulumi.Deployment,
            // not the azure-native Resources.Deployment this file also imports.
            var peerStackName = peer.StackReferenceName(Pulumi.Deployment.Instance.OrganizationName, Pulumi.Deployment.Instance.ProjectName);
            var peerStack = new StackReference($"{name}-failover-{peer.Zone}", new StackReferenceArgs { Name = peerStackName }, child);
            settings.AddRange(FailoverPeerSettings.From(peerStack, peerStackName, peer, this));
        }

        var app = new WebApp(name, new WebAppArgs
        {
            Name = plan.Name,
            ResourceGroupName = group.Name,
            Location = plan.Location,
            Kind = plan.Kind,
            ServerFarmId = servicePlan.Id,
            HttpsOnly = true,
            Identity = new ManagedServiceIdentityArgs { Type = Pulumi.AzureNative.Web.ManagedServiceIdentityType.SystemAssigned },
            SiteConfig = new SiteConfigArgs
            {
                AppSettings = settings,
                MinTlsVersion = "1.2",
                FtpsState = "Disabled",
            },
            Tags = plan.Tags.ToInputMap(),
        }, child);

        // The role definition lives in the storage account's subscription, which its resource id begins with.
        var subscription = storage.Id.Apply(id => id.Split('/')[2]);
        _ = new RoleAssignment($"{name}-storage-access", new RoleAssignmentArgs
        {
            PrincipalId = app.Identity.Apply(i => i!.PrincipalId),
            PrincipalType = "ServicePrincipal",
            RoleDefinitionId = subscription.Apply(s => $"/subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{StorageBlobDataOwner}"),
            Scope = storage.Id,
        }, child);

        Url = app.DefaultHostName.Apply(host => $"https://{host}");
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url });
    }

    public Output<string> Url { get; }
}
