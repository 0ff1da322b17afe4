using Platform.Compliance;
using Platform.Regional.Forwarding;

namespace Platform.Regional.Tests.Forwarding;

public sealed class TimeoutTests
{
    private static readonly AvailablePool Fast = new(ComplianceModel.Embedded.Pools.Single(p => p.Id == "sgp-h100-fast-a"), new Uri("http://127.0.0.1:9/"));
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Fact]
    public void FirstByteTimeout_IsTheLatencyBudget_CappedByTheConfiguredMax()
    {
        PoolForwarder.FirstByteTimeout(2000, Fast, Max).ShouldBe(TimeSpan.FromSeconds(2));
        PoolForwarder.FirstByteTimeout(60_000, Fast, Max).ShouldBe(Max);
        PoolForwarder.FirstByteTimeout(0, Fast, Max).ShouldBe(Max);
    }

    [Fact]
    public void BudgetTighterThanThePoolCanMeet_IsRaisedToTwiceThePoolsFirstTokenTime()
    {
        PoolForwarder.FirstByteTimeout(10, Fast, Max).ShouldBe(TimeSpan.FromMilliseconds(2 * Fast.Pool.Performance.TtftMs));
    }

    [Fact]
    public void WholeCompletion_GetsTimeToGenerateTheTokensAskedFor_WithinTheResponseLimit()
    {
        var firstByte = TimeSpan.FromSeconds(1);

        PoolForwarder.CompletionTimeout(180, Fast, firstByte, TimeSpan.FromMinutes(5)).ShouldBe(TimeSpan.FromSeconds(3));
        PoolForwarder.CompletionTimeout(null, Fast, firstByte, TimeSpan.FromSeconds(20)).ShouldBe(TimeSpan.FromSeconds(20));
    }
}
