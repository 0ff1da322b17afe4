using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Traces.Spool;

/// <summary>What one delivery round did.</summary>
internal sealed record DeliveryRound(int Attempted, int Delivered, int Failed, int Expired);

/// <summary>
/// Hands spooled traces to the target store, oldest first, a few at a time; deletes each only once the store has it, so a
/// crash at any point re-delivers to the same key (an overwrite, never a second copy). While the store fails, waits
/// with growing pauses and keeps deleting entries whose expiry comes, so nothing is delivered late.
/// </summary>
internal sealed partial class SpoolDelivery(TraceSpool spool, ITraceStore target, TraceSpoolMetrics metrics, TimeProvider time, ILogger<SpoolDelivery> logger)
    : BackgroundService
{
    private const int BatchSize = 64;
    private const int Parallelism = 4;
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _failingSince;
    private DateTimeOffset _sweptAt = DateTimeOffset.MinValue;

    /// <summary>When the store started failing, or null while deliveries succeed.</summary>
    public DateTimeOffset? FailingSince => _failingSince;

    public async Task<DeliveryRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        if (time.GetUtcNow() - _sweptAt >= SweepEvery)
        {
            // The whole spool, even while the store is down and the batch below never gets past its first entries; two
            // sweeps ahead, so an entry goes at the last sweep before its expiry, never a sweep after it.
            _sweptAt = time.GetUtcNow();
            expired = spool.RemoveExpired(_sweptAt + (2 * SweepEvery));
        }

        var names = spool.Oldest(BatchSize);
        var delivered = 0;
        var failed = 0;
        string? error = null;
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            if (spool.Read(name) is not { } entry)
            {
                return;
            }

            if (entry.ExpiresAt <= time.GetUtcNow())
            {
                spool.RemoveExpired(name);
                Interlocked.Increment(ref expired);
                return;
            }

            try
            {
                await target.PutAsync(entry.Trace, entry.ExpiresAt, ct);
                spool.Remove(name);
                metrics.CountDelivered();
                Interlocked.Increment(ref delivered);
            }
            catch (ArgumentException)
            {
                // The store says this trace can never be its own (wrong zone, bad id): retrying would only fill the spool.
                spool.Drop(name, "refused_by_store");
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                error = e.GetType().Name;
            }
        });

        if (failed > 0)
        {
            if (_failingSince is null)
            {
                _failingSince = time.GetUtcNow();
                LogFailing(logger, target.Zone, error ?? "", spool.Count);
            }
        }
        else if (delivered > 0 && _failingSince is not null)
        {
            _failingSince = null;
            LogRecovered(logger, target.Zone, spool.Count);
        }

        return new DeliveryRound(names.Count, delivered, failed, expired);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await RunOnceAsync(stoppingToken);
                if (round.Failed > 0)
                {
                    await Task.Delay(pause, time, stoppingToken);
                    pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
                }
                else
                {
                    pause = FirstPause;
                    if (round.Attempted == 0)
                    {
                        await spool.WaitForAddedAsync(IdleWait, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A disk fault must not stop delivery for good: report it and try again after a pause.
                LogRoundFailed(logger, e.GetType().Name);
                await Task.Delay(LongestPause, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trace delivery to zone '{Zone}' store failing ({Error}); {Pending} traces wait in the spool.")]
    private static partial void LogFailing(ILogger logger, string zone, string error, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trace delivery to zone '{Zone}' store recovered; {Pending} traces still to deliver.")]
    private static partial void LogRecovered(ILogger logger, string zone, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trace delivery round failed ({Error}); retrying.")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
