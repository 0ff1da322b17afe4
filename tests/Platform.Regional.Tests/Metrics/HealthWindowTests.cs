using FsCheck;
using FsCheck.Fluent;
using Platform.Regional.Metrics;

namespace Platform.Regional.Tests.Metrics;

public sealed class HealthWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ErrorRateAndP99_EqualANaiveRecomputation_AndNoSampleIsOlderThanTheSpan_NorBeyondTheCapacity()
    {
        var calls =
            from span in Gen.Choose(1, 120)
            from capacity in Gen.Choose(1, 50)
            from steps in Gen.ListOf(
                from gapMs in Gen.Choose(0, 20_000)
                from failed in Gen.Elements(true, false)
                from timed in Gen.Elements(true, false)
                from latency in Gen.Choose(1, 5_000)
                select (gapMs, failed, timed ? (double?)latency : null))
            select (span, capacity, steps);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(calls.ToArbitrary(), c =>
        {
            var window = new HealthWindow(TimeSpan.FromSeconds(c.span), c.capacity);
            var all = new List<HealthSample>();
            var now = Start;
            foreach (var (gapMs, failed, latency) in c.steps)
            {
                now += TimeSpan.FromMilliseconds(gapMs);
                var sample = new HealthSample(now, failed, latency);
                all.Add(sample);
                window.Add(sample);
            }

            var stats = window.Stats(now);
            var live = all.TakeLast(c.capacity).Where(s => now - s.At < window.Span).ToArray();
            var sorted = live.Where(s => s.FirstByteMs is not null).Select(s => s.FirstByteMs!.Value).OrderBy(v => v).ToArray();
            double? p99 = sorted.Length == 0 ? null : sorted[(int)Math.Ceiling(0.99 * sorted.Length) - 1];
            return window.Samples.All(s => now - s.At < window.Span)
                && window.Samples.Count <= c.capacity
                && stats.Count == live.Length
                && stats.ErrorRate == (live.Length == 0 ? 0 : live.Count(s => s.Failed) / (double)live.Length)
                && stats.Timed == sorted.Length
                && stats.P99FirstByteMs == p99;
        }));
    }

    [Fact]
    public void P99_OfAHundredCalls_IsTheSecondSlowest()
    {
        var window = new HealthWindow(TimeSpan.FromMinutes(1));
        foreach (var ms in Enumerable.Range(1, 100))
        {
            window.Add(new HealthSample(Start, false, ms));
        }

        window.Stats(Start).P99FirstByteMs.ShouldBe(99);
    }

    [Fact]
    public void CallsOlderThanTheSpan_NoLongerCount()
    {
        var window = new HealthWindow(TimeSpan.FromSeconds(60));
        window.Add(new HealthSample(Start, true, null));
        window.Add(new HealthSample(Start.AddSeconds(30), false, 10));

        window.Stats(Start.AddSeconds(59)).ErrorRate.ShouldBe(0.5);
        window.Stats(Start.AddSeconds(61)).ShouldBe(new WindowStats(1, 0, 1, 10));
        window.Stats(Start.AddSeconds(91)).ShouldBe(new WindowStats(0, 0, 0, null));
    }
}
