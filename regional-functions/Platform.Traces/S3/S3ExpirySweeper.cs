using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Traces.Expiry;

namespace Platform.Traces.S3;

/// <summary>
/// Every <see cref="Interval"/>, deletes a zone's objects (traces, or decision records) whose expiry comes before
/// <see cref="Ahead"/> from now, so none is stored past its expiry while the app runs; a failed sweep is logged and
/// tried again at the next interval. The bucket's lifecycle rule is the backstop while no app runs.
/// </summary>
internal sealed partial class S3ExpirySweeper(string holds, string zone, Func<DateTimeOffset, CancellationToken, Task<int>> sweep, TimeProvider time, ILogger<S3ExpirySweeper> logger)
    : BackgroundService, IExpirySweep
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Two intervals: an object goes at the last sweep before its expiry, even when that sweep starts late or runs long.</summary>
    public static readonly TimeSpan Ahead = 2 * Interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SweepOnceAsync(stoppingToken) is > 0 and var deleted)
                {
                    LogSwept(logger, deleted, holds, zone);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, holds, zone, e.GetType().Name);
                await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public string Holds => holds;

    public Task<int> SweepOnceAsync(CancellationToken cancellationToken) => sweep(time.GetUtcNow() + Ahead, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Deleted} {What} of zone '{Zone}' at or near their expiry.")]
    private static partial void LogSwept(ILogger logger, int deleted, string what, string zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep of expired {What} of zone '{Zone}' failed ({Error}); next try in an hour.")]
    private static partial void LogFailed(ILogger logger, string what, string zone, string error);
}
