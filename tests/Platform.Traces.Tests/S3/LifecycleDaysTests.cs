using FsCheck;
using FsCheck.Fluent;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

/// <summary>S3 rounds a rule's deletion time up to the next midnight UTC: the rule a retention asks for must absorb that day.</summary>
public sealed class LifecycleDaysTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AwsDocumentedExample_RoundsToTheNextMidnight() =>
        // "created on 1/15/2014 at 10:30 AM UTC and you specify 3 days ... 1/19/2014 00:00 UTC"
        LifecycleDays.DeletableAt(new DateTimeOffset(2014, 1, 15, 10, 30, 0, TimeSpan.Zero), 3).ShouldBe(new DateTimeOffset(2014, 1, 19, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RuleForThirtyDays_ObjectWrittenAtAnyMinuteOfTheDay_IsDeletableWithinThirtyDays_AndNotBeforeTwentyNine()
    {
        var days = LifecycleDays.ForRetention(30);

        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var written = Day.AddMinutes(minute);
            var deletable = LifecycleDays.DeletableAt(written, days);
            deletable.ShouldBeLessThanOrEqualTo(written.AddDays(30), $"written {written:u}");
            deletable.ShouldBeGreaterThan(written.AddDays(29), $"written {written:u}");
        }
    }

    [Fact]
    public void RuleOfAsManyDaysAsTheRetention_KeepsAnObjectWrittenAfterMidnightTooLong()
    {
        var written = Day.AddHours(23).AddMinutes(59);

        LifecycleDays.DeletableAt(written, 30).ShouldBe(Day.AddDays(31));
        (LifecycleDays.DeletableAt(written, 30) - written.AddDays(30)).ShouldBe(TimeSpan.FromMinutes(1));
        (LifecycleDays.DeletableAt(Day.AddMinutes(1), 30) - Day.AddMinutes(1).AddDays(30)).ShouldBe(TimeSpan.FromMinutes(1439));
    }

    [Fact]
    public void AnyWriteTimeAndRetention_DeletableWithinTheRetention() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(5000), Prop.ForAll(
            Gen.Choose(0, 10 * 365 * 24 * 60).ToArbitrary(),
            Gen.Choose(0, 59_999).ToArbitrary(),
            Gen.Choose(LifecycleDays.MinRetentionDays, 400).ToArbitrary(),
            (minute, ms, retention) =>
            {
                var written = Day.AddMinutes(minute).AddMilliseconds(ms);
                var deletable = LifecycleDays.DeletableAt(written, LifecycleDays.ForRetention(retention));
                return deletable <= written.AddDays(retention) && deletable > written.AddDays(retention - 1);
            }));
}
