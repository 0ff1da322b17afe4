namespace Platform.Traces.Decisions;

/// <summary>
/// A zone's decision log: one record per request an app of this zone routed or served, appended in order, kept for
/// the zone's <c>retention.decision_log_days</c>. It lives beside the zone's traces and never leaves the zone.
/// </summary>
public interface IDecisionLog
{
    string Zone { get; }

    /// <summary>Appends one record; safe to call from many requests at once. Refuses a record that could hold a value (see <see cref="DecisionRecord.Problem"/>).</summary>
    Task AppendAsync(DecisionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Records whose time is within [from, to], oldest day first and in append order within a day.</summary>
    IAsyncEnumerable<DecisionRecord> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
