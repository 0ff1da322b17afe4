using Microsoft.Extensions.Logging;

namespace Platform.Traces.Expiry;

/// <summary>
/// Runs every registered sweep once, on a scheduled event. Anyone who reaches the Function URL can post one too, so a
/// run is refused while another is under way or within <see cref="MinimumGap"/> of the last one's start: posting can
/// at most make the sweep the schedule would run anyway happen a little earlier.
/// </summary>
internal sealed partial class ExpirySweepRun(IEnumerable<IExpirySweep> sweeps, TimeProvider time, ILogger<ExpirySweepRun> logger)
{
    /// <summary>Far below the hourly schedule, so a scheduled event never finds the previous run too recent.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(5);

    // 1 while a run holds it; _lastStart is read and written only by that run.
    private int _running;
    private DateTimeOffset? _lastStart;

    /// <summary>
    /// Sweeps each store in turn, with <paramref name="stopping"/> (the host's, not the caller's: a caller that hangs up
    /// must not leave a run half done and still counted as recent).
    /// </summary>
    public async Task<SweepReport> RunAsync(CancellationToken stopping)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return new SweepReport(null, SweepReport.SkippedRunning);
        }

        try
        {
            var start = time.GetUtcNow();
            if (TooSoon(_lastStart, start))
            {
                return new SweepReport(null, SweepReport.SkippedRecent);
            }

            var swept = new List<StoreSweep>();
            foreach (var sweep in sweeps)
            {
                swept.Add(await SweepAsync(sweep, stopping));
            }

            _lastStart = start;
            return new SweepReport(swept, null);
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
        }
    }

    internal static bool TooSoon(DateTimeOffset? lastStart, DateTimeOffset now) => lastStart is { } last && now - last < MinimumGap;

    private async Task<StoreSweep> SweepAsync(IExpirySweep sweep, CancellationToken stopping)
    {
        try
        {
            var deleted = await sweep.SweepOnceAsync(stopping);
            LogSwept(logger, sweep.Holds, deleted);
            return new StoreSweep(sweep.Holds, deleted, Failed: false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // One store's failure does not keep the others from being swept; the lifecycle rule stays the backstop.
            LogFailed(logger, sweep.Holds, e.GetType().Name);
            return new StoreSweep(sweep.Holds, 0, Failed: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sweep deleted {Deleted} {What}")]
    private static partial void LogSwept(ILogger logger, string what, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled sweep of {What} failed ({Error}); the next schedule tries again, the lifecycle rule remains the backstop")]
    private static partial void LogFailed(ILogger logger, string what, string error);
}
