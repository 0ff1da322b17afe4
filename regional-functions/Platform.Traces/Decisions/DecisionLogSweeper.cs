using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Traces.Expiry;

namespace Platform.Traces.Decisions;

/// <summary>
/// Deletes the local decision log's records past the zone's retention on an interval, each at the last run before its
/// retention ends (two intervals ahead, so a late or long run never leaves one past it).
/// </summary>
internal sealed partial class DecisionLogSweeper(LocalDirectoryDecisionLog log, TimeSpan interval, TimeProvider time, ILogger<DecisionLogSweeper> logger)
    : BackgroundService, IExpirySweep
{
    public string Holds => "decision records";

    /// <summary>Sweeps before the app starts serving, so no day past retention is readable after a long shutdown.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        SweepOnce();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            SweepOnce();
        }
    }

    public Task<int> SweepOnceAsync(CancellationToken cancellationToken) => Task.FromResult(SweepOnce());

    internal int SweepOnce()
    {
        try
        {
            var deleted = log.Sweep(time.GetUtcNow() + (2 * interval));
            if (deleted > 0)
            {
                Swept(log.Zone, deleted);
            }

            return deleted;
        }
        catch (IOException e)
        {
            // A day file in use now is past retention still at the next sweep; keep the service alive.
            SweepFailed(log.Zone, e.GetType().Name);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Count} decision-log days of zone {Zone} (expired records deleted)")]
    private partial void Swept(string zone, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision-log sweep of zone {Zone} failed ({Error}); retrying at the next interval")]
    private partial void SweepFailed(string zone, string error);
}
