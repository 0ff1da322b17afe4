using System.Threading.Channels;
using Platform.Compliance;
using Platform.Traces;

namespace Platform.Regional.Traces;

/// <summary>Traces waiting for the store, so writing one never delays an answer. Bounded: when the store falls behind, traces are dropped, not requests.</summary>
internal sealed class TraceQueue(RegionalSettings settings, ILogger<TraceQueue> logger)
{
    public const int Capacity = 10_000;

    private readonly Channel<StoredTrace> _channel = Channel.CreateBounded<StoredTrace>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<StoredTrace> Reader => _channel.Reader;

    public void Enqueue(TraceRecord trace)
    {
        if (!_channel.Writer.TryWrite(new StoredTrace("", ExpiresAt(trace.StartedAt, settings.Zone.Retention), trace)))
        {
            Log.TraceDropped(logger, trace.RequestId);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>The zone's retention, and never beyond the platform's hard limit.</summary>
    internal static DateTimeOffset ExpiresAt(DateTimeOffset startedAt, Retention retention) =>
        startedAt.AddDays(Math.Min(retention.TraceDays, Retention.MaxTraceDays));
}
