using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Traces.Decisions;

/// <summary>
/// How the edge and the regional function append decision records after the answer has gone out: a failed append is
/// logged loudly (the store also counts it), never a failed request. Background appends are tracked, and once the host
/// has stopped (the server drained, so no request can append any more) it waits for those still running: a stopping
/// app neither loses audit lines nor writes into a store that is being torn down.
/// </summary>
public sealed partial class DecisionAppends(ILogger<DecisionAppends> logger) : IHostedLifecycleService
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    /// <summary>Appends in the background, off the response path.</summary>
    public void Append(IDecisionLog log, DecisionRecord record)
    {
        var append = Task.Run(() => AppendAsync(log, record));
        _pending.TryAdd(append, 0);

        // Registered after the add, so a finished append is always removed, however fast it ran.
        _ = append.ContinueWith(done => _pending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Appends now; a store failure is logged, never thrown.</summary>
    public async Task AppendAsync(IDecisionLog log, DecisionRecord record)
    {
        try
        {
            await log.AppendAsync(record);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            LogFailed(logger, record.RequestId, log.Zone, e.GetType().Name);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId}: appending its record to zone {Zone}'s decision log failed ({Error})")]
    private static partial void LogFailed(ILogger logger, string requestId, string zone, string error);
}
