using System.Diagnostics.Metrics;
using Platform.Compliance;
using Platform.Traces.Spool;

namespace Platform.Traces.Tests.Spool;

/// <summary>A spool over a directory with its store, delivery, metrics and health, as the registration wires them.</summary>
internal sealed class SpoolHarness : IDisposable
{
    public SpoolHarness(string directory, ITraceStore target, Zone zone, TimeProvider time, int maxEntries = 1000, long maxBytes = 1L << 30)
    {
        Metrics = new TraceSpoolMetrics(null);
        Spool = new TraceSpool(new TraceSpoolOptions(directory, maxBytes, maxEntries), Metrics, SpoolLog);
        Delivery = new SpoolDelivery(Spool, target, Metrics, time, DeliveryLog);
        Store = new SpoolingTraceStore(target, zone, Spool, time);
        Health = new TraceSpoolHealthCheck(Spool, Delivery, Metrics, time);
    }

    public TraceSpoolMetrics Metrics { get; }

    public ListLogger<TraceSpool> SpoolLog { get; } = new();

    public ListLogger<SpoolDelivery> DeliveryLog { get; } = new();

    public TraceSpool Spool { get; }

    public SpoolDelivery Delivery { get; }

    public SpoolingTraceStore Store { get; }

    public TraceSpoolHealthCheck Health { get; }

    /// <summary>One delivery round over everything added so far.</summary>
    public async Task<DeliveryRound> RoundAsync()
    {
        await Spool.FlushAsync(CancellationToken.None);
        return await Delivery.RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Runs delivery rounds until the spool is empty or a round fails; returns the rounds.</summary>
    public async Task<List<DeliveryRound>> DeliverAllAsync()
    {
        await Spool.FlushAsync(CancellationToken.None);
        var rounds = new List<DeliveryRound>();
        for (var i = 0; i < 1000; i++)
        {
            var round = await Delivery.RunOnceAsync(CancellationToken.None);
            rounds.Add(round);
            if (round.Failed > 0 || Spool.Count == 0)
            {
                break;
            }
        }

        return rounds;
    }

    /// <summary>Sums what this spool's meter reported on one instrument.</summary>
    public async Task<long> MeasuredAsync(string instrument, Func<Task> act)
    {
        long total = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter == Metrics.Meter && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.Start();
        await act();
        listener.RecordObservableInstruments();
        return total;
    }

    public void Dispose()
    {
        Delivery.Dispose();
        Spool.Dispose();
        Metrics.Dispose();
    }
}
