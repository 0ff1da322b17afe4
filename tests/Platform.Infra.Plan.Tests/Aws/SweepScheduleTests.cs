using Platform.Infra.Plan.Tests.Planning;
using Platform.Traces;

namespace Platform.Infra.Plan.Tests.Aws;

/// <summary>The hourly schedule that sweeps a zone's expired traces and decision records while its function is cold.</summary>
public sealed class SweepScheduleTests
{
    [Theory]
    [MemberData(nameof(ShippedStackTests.Stacks), MemberType = typeof(ShippedStackTests))]
    public void SweepSchedule_InvokesItsOwnZonesFunctionHourly_FromARuleInTheZonesRegionAndAccount(string stack)
    {
        var plan = ShippedStackTests.Plan(stack);
        var zone = ComplianceModel.Embedded.Zone(stack);

        var schedule = plan.SweepSchedule;

        schedule.RuleName.ShouldBe($"platform-sweep-{stack}");
        schedule.ScheduleExpression.ShouldBe("rate(1 hour)");
        schedule.FunctionName.ShouldBe(plan.RegionalFunction.Name);
        schedule.FunctionArn.ShouldBe(plan.RegionalFunction.Arn);
        schedule.InvokeAction.ShouldBe("lambda:InvokeFunction");
        schedule.Tags.ShouldBe(plan.Tags);
        AwsArn.Parse(schedule.RuleArn).ShouldBe(new AwsArn(zone.Aws.Partition, "events", zone.Aws.Region, plan.Aws.AccountId, $"rule/platform-sweep-{stack}"));
        plan.Arns.ShouldContain(schedule.RuleArn);
    }

    [Theory]
    [MemberData(nameof(ShippedStackTests.Stacks), MemberType = typeof(ShippedStackTests))]
    public void SweepSchedule_IsInvokedByEventBridgesPrincipal_TheSameInAwsCn(string stack) =>
        // events.amazonaws.com in every partition; the .com.cn form is refused as an invalid principal in China.
        ShippedStackTests.Plan(stack).SweepSchedule.InvokePrincipal.ShouldBe("events.amazonaws.com");

    [Theory]
    [MemberData(nameof(ShippedStackTests.Stacks), MemberType = typeof(ShippedStackTests))]
    public void RegionalFunction_AdapterPostsScheduledEventsToThePathTheAppSweepsOn(string stack)
    {
        var environment = ShippedStackTests.Plan(stack).RegionalFunction.Environment;

        environment["AWS_LWA_PASS_THROUGH_PATH"].ShouldBe(ExpirySweepEvents.Path);
        // The adapter's documented default, so an adapter that ignored the setting would still reach the app.
        ExpirySweepEvents.Path.ShouldBe("/events");
    }
}
