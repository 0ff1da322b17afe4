using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Aws.Iam;

namespace Platform.Infra;

public sealed class EdgeDecisionWriterArgs
{
    public required DeploymentPlan Plan { get; init; }

    /// <summary>The zone key's ARN: the edge's records are encrypted under it, like everything in the bucket.</summary>
    public required Output<string> TraceKeyArn { get; init; }
}

/// <summary>
/// The identity the zone's edge (on Azure) writes its decision records into the zone's bucket with: an IAM user with
/// the plan's put-only policy and one access key. <see cref="AppSettings"/> are the edge's settings for its decision
/// log: the plan's, the key pair (secret) and the zone key. Rotate the key with <c>pulumi up --replace</c> on it.
/// </summary>
public sealed class EdgeDecisionWriter : ComponentResource
{
    public EdgeDecisionWriter(string name, EdgeDecisionWriterArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EdgeDecisionWriter", name, options)
    {
        var plan = EdgeDecisionWriterPlan.For(args.Plan);
        var child = new CustomResourceOptions { Parent = this };

        var user = new User($"{name}-user", new UserArgs { Name = plan.UserName, Tags = plan.Tags.ToInputMap() }, child);
        _ = new UserPolicy($"{name}-policy", new UserPolicyArgs
        {
            User = user.Name,
            Policy = args.TraceKeyArn.Apply(keyArn => IamPolicies.EdgeDecisionWriter(args.Plan.TraceBucket, keyArn)),
        }, child);
        var key = new AccessKey($"{name}-key", new AccessKeyArgs { User = user.Name }, child);

        var settings = plan.AppSettings.ToDictionary(s => s.Key, s => Output.Create(s.Value));
        settings[EdgeDecisionWriterPlan.AccessKeySetting] = key.Id;
        settings[EdgeDecisionWriterPlan.SecretKeySetting] = Output.CreateSecret(key.Secret);
        settings[EdgeDecisionWriterPlan.KmsKeySetting] = args.TraceKeyArn;
        AppSettings = settings;
        RegisterOutputs(new Dictionary<string, object?> { ["userArn"] = user.Arn });
    }

    /// <summary>The edge's decision-log settings by name, the secret key among them as a secret.</summary>
    public IReadOnlyDictionary<string, Output<string>> AppSettings { get; }
}
