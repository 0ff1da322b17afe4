namespace Platform.Infra.Plan;

/// <summary>
/// An EventBridge rule that invokes the regional function every hour with a scheduled event, which the Lambda Web
/// Adapter posts to the app's <see cref="LambdaWebAdapter.PassThroughPath"/>: every expiry sweep runs once, so traces
/// and decision records go before their expiry even in a zone whose function no request keeps warm. The bucket's
/// lifecycle rule stays the backstop (S3 applies it asynchronously, days late at worst).
/// </summary>
public sealed record SweepSchedulePlan(
    string RuleName,
    string RuleArn,
    string Description,
    string ScheduleExpression,
    string TargetId,
    string FunctionName,
    string FunctionArn,
    string InvokeAction,
    string InvokePrincipal,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>
    /// The sweepers' own interval: each deletes what expires within two intervals, so an hourly run (even a late one)
    /// deletes every item before its expiry.
    /// </summary>
    public const string Hourly = "rate(1 hour)";

    /// <summary>
    /// EventBridge's service principal. The same in aws-cn: AWS CDK's region-info gives <c>events</c> the universal
    /// <c>events.amazonaws.com</c> in every partition (only ec2, codedeploy, logs and a few iso services differ), and
    /// China-region users report <c>events.amazonaws.com.cn</c> refused as an invalid principal.
    /// </summary>
    public const string EventsPrincipal = "events.amazonaws.com";

    /// <summary>Derived from the stack's plan: the rule lives beside the function it invokes, in the zone's region and account.</summary>
    public static SweepSchedulePlan For(string zone, AwsTarget aws, RegionalFunctionPlan function, IReadOnlyDictionary<string, string> tags)
    {
        var name = $"platform-sweep-{zone}";
        return new SweepSchedulePlan(
            name,
            $"{aws.AccountArnPrefix}events:{aws.Region}:{aws.AccountId}:rule/{name}",
            $"Hourly: the regional function of zone {zone} deletes traces and decision records at or near their expiry",
            Hourly,
            TargetId: "regional-function",
            function.Name,
            function.Arn,
            InvokeAction: "lambda:InvokeFunction",
            EventsPrincipal,
            tags);
    }
}
