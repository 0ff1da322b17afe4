using Platform.Traces;

namespace Platform.Regional.Traces;

/// <summary>Writes queued traces to the zone's store in the background; on shutdown, writes what is queued before stopping.</summary>
internal sealed class TraceWriter(TraceQueue queue, ITraceStore store, ILogger<TraceWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: the loop ends when the queue is completed and drained.
        await foreach (var item in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await store.PutAsync(item.Trace, item.ExpiresAt, CancellationToken.None);
            }
            catch (Exception e)
            {
                Log.TraceWriteFailed(logger, item.Trace.RequestId, e.GetType().Name);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
