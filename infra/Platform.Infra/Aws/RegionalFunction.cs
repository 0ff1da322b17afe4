using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;

namespace Platform.Infra;

public sealed class RegionalFunctionArgs
{
    public required DeploymentPlan Plan { get; init; }

    /// <summary>The zip <see cref="RegionalFunctionPackage"/> wrote.</summary>
    public required string PackageZip { get; init; }

    public required Output<string> TraceKeyArn { get; init; }

    /// <summary>The zone's tag-signing key (a stack secret, so Pulumi keeps the function's environment secret).</summary>
    public required Output<string> SigningKey { get; init; }

    /// <summary>Each pool's base URL, by pool id.</summary>
    public required IReadOnlyDictionary<string, Output<string>> PoolEndpoints { get; init; }
}

/// <summary>
/// The regional app as a Lambda function behind the Web Adapter layer, its Function URL in RESPONSE_STREAM mode,
/// its log group, and a role that may write only its own bucket's trace prefix and use only its zone's key.
/// </summary>
public sealed class RegionalFunction : ComponentResource
{
    public RegionalFunction(string name, RegionalFunctionArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:RegionalFunction", name, options)
    {
        var plan = args.Plan.RegionalFunction;
        var child = new CustomResourceOptions { Parent = this };

        var logs = new LogGroup($"{name}-logs", new LogGroupArgs
        {
            Name = plan.LogGroupName,
            RetentionInDays = plan.LogRetentionDays,
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var role = new Role($"{name}-role", new RoleArgs
        {
            Name = plan.RoleName,
            AssumeRolePolicy = plan.AssumeRolePolicyJson,
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var rolePolicy = new RolePolicy($"{name}-role-policy", new RolePolicyArgs
        {
            Role = role.Id,
            Policy = args.TraceKeyArn.Apply(keyArn => IamPolicies.RegionalFunctionRole(args.Plan.TraceBucket, plan, keyArn)),
        }, child);

        var variables = plan.Environment.ToInputMap();
        variables.Add(RegionalFunctionPlan.TraceKeyVariable, args.TraceKeyArn);
        variables.Add(RegionalFunctionPlan.SigningKeyVariable, args.SigningKey);
        foreach (var pool in args.Plan.PoolDeployments)
        {
            variables.Add(pool.EndpointVariable, args.PoolEndpoints[pool.PoolId]);
        }

        var function = new Function(name, new FunctionArgs
        {
            Name = plan.Name,
            Role = role.Arn,
            Runtime = plan.Runtime,
            Handler = plan.Handler,
            Architectures = { plan.Architecture },
            MemorySize = plan.MemoryMb,
            Timeout = plan.TimeoutSeconds,
            Code = new FileArchive(args.PackageZip),
            Layers = plan.LayerArns.ToArray(),
            Environment = new FunctionEnvironmentArgs { Variables = variables },
            VpcConfig = new FunctionVpcConfigArgs
            {
                SubnetIds = plan.SubnetIds.ToArray(),
                SecurityGroupIds = plan.SecurityGroupIds.ToArray(),
            },
            Tags = plan.Tags.ToInputMap(),
        }, new CustomResourceOptions { Parent = this, DependsOn = { logs, rolePolicy } });

        var url = new FunctionUrl($"{name}-url", new FunctionUrlArgs
        {
            FunctionName = function.Name,
            AuthorizationType = plan.FunctionUrlAuthType,
            InvokeMode = plan.InvokeMode,
        }, child);

        // A URL without IAM auth still needs a resource policy that lets its callers invoke it.
        _ = new Permission($"{name}-url-invoke", new PermissionArgs
        {
            Function = function.Name,
            Action = "lambda:InvokeFunctionUrl",
            Principal = "*",
            FunctionUrlAuthType = plan.FunctionUrlAuthType,
        }, child);

        Url = url.FunctionUrlResult;
        FunctionArn = function.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["functionArn"] = FunctionArn });
    }

    public Output<string> Url { get; }

    public Output<string> FunctionArn { get; }
}
