using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Lambda;

namespace Platform.Infra;

public sealed class SweepScheduleArgs
{
    public required SweepSchedulePlan Plan { get; init; }

    /// <summary>The regional function's ARN, so the rule and the permission are created after the function.</summary>
    public required Output<string> FunctionArn { get; init; }
}

/// <summary>
/// The plan's hourly EventBridge rule, its target (the regional function) and the function's permission for EventBridge
/// to invoke it from that rule only.
/// </summary>
public sealed class SweepSchedule : ComponentResource
{
    public SweepSchedule(string name, SweepScheduleArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:SweepSchedule", name, options)
    {
        var plan = args.Plan;
        var child = new CustomResourceOptions { Parent = this };

        var rule = new EventRule($"{name}-rule", new EventRuleArgs
        {
            Name = plan.RuleName,
            Description = plan.Description,
            ScheduleExpression = plan.ScheduleExpression,
            Tags = plan.Tags.ToInputMap(),
        }, child);

        var permission = new Permission($"{name}-invoke", new PermissionArgs
        {
            Function = args.FunctionArn,
            Action = plan.InvokeAction,
            Principal = plan.InvokePrincipal,
            SourceArn = rule.Arn,
        }, child);

        _ = new EventTarget($"{name}-target", new EventTargetArgs
        {
            Rule = rule.Name,
            TargetId = plan.TargetId,
            Arn = args.FunctionArn,
        }, new CustomResourceOptions { Parent = this, DependsOn = { permission } });

        RuleArn = rule.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["ruleArn"] = RuleArn });
    }

    public Output<string> RuleArn { get; }
}
