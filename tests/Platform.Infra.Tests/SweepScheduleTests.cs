using Platform.Compliance;

namespace Platform.Infra.Tests;

/// <summary>The hourly schedule under Pulumi's mocks: a rule, its target the regional function, and a permission for that rule only.</summary>
public sealed class SweepScheduleTests
{
    [Theory]
    [InlineData("sgp")]
    [InlineData("fra")]
    [InlineData("cn")]
    public async Task SweepSchedule_InvokesTheRegionalFunctionHourly_AndOnlyItsOwnRuleMay(string stack)
    {
        var (_, mocks) = await StackRun.RunAsync(stack);
        var aws = ComplianceModel.Embedded.Zone(stack).Aws;

        var rule = mocks.Single("aws:cloudwatch/eventRule:EventRule").Inputs;
        rule.Text("name").ShouldBe($"platform-sweep-{stack}");
        rule.Text("scheduleExpression").ShouldBe("rate(1 hour)");
        rule.Text("tags", "platform-zone").ShouldBe(stack);

        var function = mocks.Single("aws:lambda/function:Function").Inputs;
        var functionArnStart = $"arn:{aws.Partition}:lambda:{aws.Region}:";
        var functionArnEnd = $":function:{function.Text("name")}";
        function.Text("environment", "variables", "AWS_LWA_PASS_THROUGH_PATH").ShouldBe("/events");

        var target = mocks.Single("aws:cloudwatch/eventTarget:EventTarget").Inputs;
        target.Text("rule").ShouldBe($"platform-sweep-{stack}");
        target.Text("arn").ShouldStartWith(functionArnStart);
        target.Text("arn").ShouldEndWith(functionArnEnd);

        // The Function URL's own permission (principal "*", InvokeFunctionUrl) is the other one.
        var invoke = mocks.OfType("aws:lambda/permission:Permission").Select(p => p.Inputs).Single(p => p.Text("principal") == "events.amazonaws.com");
        invoke.Text("action").ShouldBe("lambda:InvokeFunction");
        invoke.Text("function").ShouldBe(target.Text("arn"));
        invoke.Text("sourceArn").ShouldStartWith($"arn:{aws.Partition}:events:{aws.Region}:");
        invoke.Text("sourceArn").ShouldEndWith($":rule/platform-sweep-{stack}");
    }
}
