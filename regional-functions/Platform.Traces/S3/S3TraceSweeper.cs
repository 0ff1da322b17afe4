using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Traces.S3;

/// <summary>Runs <see cref="S3TraceStore.SweepAsync"/> every hour; a failed sweep is logged and tried again next hour.</summary>
internal sealed partial class S3TraceSweeper(S3TraceStore store, TimeProvider time, ILogger<S3TraceSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await store.SweepAsync(stoppingToken) is > 0 and var deleted)
                {
                    LogSwept(logger, deleted, store.Zone);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, store.Zone, e.GetType().Name);
                await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Deleted} expired traces of zone '{Zone}' that the bucket lifecycle had not reached yet.")]
    private static partial void LogSwept(ILogger logger, int deleted, string zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep of expired traces of zone '{Zone}' failed ({Error}); next try in an hour.")]
    private static partial void LogFailed(ILogger logger, string zone, string error);
}
