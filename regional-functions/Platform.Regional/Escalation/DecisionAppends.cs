using System.Collections.Concurrent;
using Platform.Traces.Decisions;

namespace Platform.Regional.Escalation;

/// <summary>
/// Appends the regional function's decision records off the response path (the answer has gone out; a lost audit line
/// is logged loudly, never a failed request), and once the host has stopped (the server drained, so no request can
/// append any more) waits for the appends still running: a stopping function neither loses audit lines nor writes
/// into a store that is being torn down.
/// </summary>
internal sealed class DecisionAppends(IDecisionLog log, ILogger<DecisionAppends> logger) : IHostedLifecycleService
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public void Append(DecisionRecord record)
    {
        var append = Task.Run(async () =>
        {
            try
            {
                await log.AppendAsync(record);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                Log.DecisionLogFailed(logger, record.RequestId, e.GetType().Name);
            }
        });
        _pending.TryAdd(append, 0);

        // Registered after the add, so a finished append is always removed, however fast it ran.
        _ = append.ContinueWith(done => _pending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
