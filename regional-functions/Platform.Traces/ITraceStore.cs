namespace Platform.Traces;

/// <summary>
/// A zone's trace store. Every implementation keeps traces only under its own zone's prefix and
/// never longer than the expiry it was given; a key of another zone is refused.
/// </summary>
public interface ITraceStore
{
    string Zone { get; }

    /// <summary>Writes the trace under its key; writing the same request id again overwrites, never duplicates.</summary>
    Task<StoredTrace> PutAsync(TraceRecord trace, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<StoredTrace?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Traces written in the window, oldest day first; expired ones are never returned.</summary>
    IAsyncEnumerable<StoredTrace> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
