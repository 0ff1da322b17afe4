namespace Platform.Infra.Plan;

/// <summary>The keys a stack file may set, spelled as Pulumi's <c>Config</c> reads them (namespace:name).</summary>
public static class StackConfigKeys
{
    public const string PlatformNamespace = "platform";

    public const string Zone = "platform:zone";
    public const string AwsRegion = "aws:region";
    public const string AwsAccountId = "platform:awsAccountId";
    /// <summary>The kubeconfig's name within the platform namespace, as <c>new Config("platform").RequireSecret(...)</c> takes it.</summary>
    public const string KubeconfigName = "kubeconfig";
    public const string Kubeconfig = PlatformNamespace + ":" + KubeconfigName;
    /// <summary>The zone's tag-signing key (base64, 32 bytes): the edge signs with it, the regional function verifies.</summary>
    public const string SigningKeyName = "signingKey";
    public const string SigningKey = PlatformNamespace + ":" + SigningKeyName;
    public const string LambdaAdapterLayerArn = "platform:lambdaAdapterLayerArn";
    public const string RegionalPackage = "platform:regionalPackage";
    public const string EdgePackage = "platform:edgePackage";
    public const string TraceRetentionDays = "platform:traceRetentionDays";
    public const string BucketReplication = "platform:bucketReplication";
    public const string PublicBucket = "platform:publicBucket";
    public const string KmsKeyAlias = "platform:kmsKeyAlias";
    public const string Namespace = "platform:namespace";
    public const string RegionalSubnetIds = "platform:regionalSubnetIds";
    public const string RegionalSecurityGroupIds = "platform:regionalSecurityGroupIds";
    public const string RegionalIngressCidrs = "platform:regionalIngressCidrs";
    public const string Tags = "platform:tags";
    public const string Pools = "platform:pools";
    /// <summary>The Pulumi organization of the stacks this stack's edge fails over to, when not the deploying stack's own.</summary>
    public const string StackOrganization = "platform:stackOrganization";
    public const string AzureLocation = "azure-native:location";
    public const string AzureEnvironment = "azure-native:environment";

    /// <summary>Every <c>platform:</c> key; any other is a typo and refused.</summary>
    public static readonly IReadOnlyList<string> Platform =
    [
        Zone, AwsAccountId, Kubeconfig, SigningKey, LambdaAdapterLayerArn, RegionalPackage, EdgePackage, TraceRetentionDays,
        BucketReplication, PublicBucket, KmsKeyAlias, Namespace, RegionalSubnetIds, RegionalSecurityGroupIds,
        RegionalIngressCidrs, Tags, Pools, StackOrganization,
    ];
}
