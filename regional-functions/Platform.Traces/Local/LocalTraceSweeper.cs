using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Traces.Expiry;

namespace Platform.Traces.Local;

/// <summary>
/// Deletes local traces on an interval, each at the last run before its expiry (two intervals ahead, so a late or long
/// run never leaves one past it): the local stand-in for an object store's lifecycle rule.
/// </summary>
internal sealed partial class LocalTraceSweeper(LocalDirectoryTraceStore store, TimeSpan interval, TimeProvider time, ILogger<LocalTraceSweeper> logger)
    : BackgroundService, IExpirySweep
{
    public string Holds => "traces";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await SweepOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await store.SweepAsync(time.GetUtcNow() + (2 * interval), cancellationToken);
            if (deleted > 0)
            {
                Swept(store.Zone, deleted);
            }

            return deleted;
        }
        catch (IOException e)
        {
            // A file in use now is expired still at the next sweep; keep the service alive.
            SweepFailed(store.Zone, e.GetType().Name);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired traces of zone {Zone}")]
    private partial void Swept(string zone, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trace sweep of zone {Zone} failed ({Error}); retrying at the next interval")]
    private partial void SweepFailed(string zone, string error);
}
