namespace Platform.Infra.Plan;

/// <summary>
/// The zone's edge as an Azure Functions app that runs the edge ASP.NET Core binary as a custom handler,
/// deployed from the zip <see cref="EdgeFunctionPackage"/> builds. <see cref="RegionalUrlSetting"/> is the app
/// setting the Pulumi layer fills with the regional Function URL once it exists, <see cref="RegionalSigningKeySetting"/>
/// the one it fills with the zone's tag-signing key (a stack secret). <see cref="FailoverPeers"/> are the zones the
/// compliance model lets this zone's requests fail over to, whose endpoints the Pulumi layer reads from their stacks.
/// </summary>
public sealed record EdgeFunctionAppPlan(
    string Name,
    string ResourceGroupName,
    string Location,
    string StorageAccountName,
    string PackageContainerName,
    string PackagePath,
    string PlanName,
    string PlanSkuName,
    string PlanSkuTier,
    string Kind,
    string ExecutableName,
    IReadOnlyDictionary<string, string> AppSettings,
    string RegionalUrlSetting,
    string RegionalSigningKeySetting,
    IReadOnlyList<FailoverPeerPlan> FailoverPeers,
    IReadOnlyDictionary<string, string> Tags);
