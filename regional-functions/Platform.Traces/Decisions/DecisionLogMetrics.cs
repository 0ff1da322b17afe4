using System.Diagnostics.Metrics;

namespace Platform.Traces.Decisions;

/// <summary>The S3 decision log's counters on the <c>Platform.Traces</c> meter: <c>platform.decisions.written|failed</c>, by zone.</summary>
internal sealed class DecisionLogMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _written;
    private readonly Counter<long> _failed;

    public DecisionLogMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(Spool.TraceSpoolMetrics.MeterName) ?? new Meter(Spool.TraceSpoolMetrics.MeterName);
        _written = _meter.CreateCounter<long>("platform.decisions.written", "{record}", "Decision records stored in the zone's bucket.");
        _failed = _meter.CreateCounter<long>("platform.decisions.failed", "{record}", "Decision records lost: the zone's bucket failed or refused the write.");
    }

    public void CountWritten(string zone) => _written.Add(1, new KeyValuePair<string, object?>("zone", zone));

    public void CountFailed(string zone) => _failed.Add(1, new KeyValuePair<string, object?>("zone", zone));

    public void Dispose() => _meter.Dispose();
}
