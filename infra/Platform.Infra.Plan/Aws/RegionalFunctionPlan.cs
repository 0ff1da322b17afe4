namespace Platform.Infra.Plan;

/// <summary>
/// The regional ASP.NET Core app as a Lambda function behind the AWS Lambda Web Adapter, reached through a
/// Function URL in RESPONSE_STREAM mode so server-sent events stream to the client.
/// </summary>
public sealed record RegionalFunctionPlan(
    string Name,
    string Region,
    string Arn,
    string Runtime,
    string Handler,
    string Architecture,
    int MemoryMb,
    int TimeoutSeconds,
    string PackagePath,
    IReadOnlyList<string> LayerArns,
    IReadOnlyDictionary<string, string> Environment,
    string InvokeMode,
    string FunctionUrlAuthType,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    string RoleName,
    string RoleArn,
    string LogGroupName,
    string LogGroupArn,
    int LogRetentionDays,
    string AssumeRolePolicyJson,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Environment variable that carries the tag-signing key (<c>Regional:SigningKey</c>), set from the stack secret.</summary>
    public const string SigningKeyVariable = "Regional__SigningKey";

    /// <summary>Environment variable through which the function learns the zone key's ARN (<c>Regional:Traces:S3:KmsKeyId</c>), set once the key exists.</summary>
    public const string TraceKeyVariable = "Regional__Traces__S3__KmsKeyId";

    /// <summary>Environment variable through which the function learns a pool's endpoint, set from the pool's Service.</summary>
    public static string PoolEndpointVariable(string poolId) => $"Regional__Pools__{poolId}__Endpoint";
}
