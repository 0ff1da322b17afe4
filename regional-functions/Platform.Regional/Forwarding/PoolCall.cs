using System.Diagnostics;
using Platform.Traces;

namespace Platform.Regional.Forwarding;

/// <summary>
/// One request to one pool, from sending it to relaying (or abandoning) its answer: its own cancellation (so a hedge's
/// loser can be aborted alone), and what it had received by its first byte.
/// </summary>
internal sealed class PoolCall(AvailablePool pool, long start, CancellationToken aborted) : IAsyncDisposable
{
    public AvailablePool Pool { get; } = pool;
    public CancellationTokenSource Cts { get; } = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    public long Start { get; } = start;

    /// <summary>Until the first byte: the outcome (<c>null</c>: the circuit refused it, nothing was sent).</summary>
    public Task<string?> Ready { get; set; } = null!;

    /// <summary>Another pool answered first; this call was cancelled and must not be billed.</summary>
    public bool Lost { get; set; }

    public Activity? Span { get; set; }
    public IDisposable? InFlight { get; set; }
    public HttpRequestMessage? Message { get; set; }
    public HttpResponseMessage? Response { get; set; }
    public IAsyncEnumerator<string>? Events { get; set; }
    public byte[]? Whole { get; set; }
    public int Status { get; set; }
    public bool ClientWantsUsage { get; set; }
    public double? FirstByteMs { get; set; }

    /// <summary>The call as the trace records it, once it has ended.</summary>
    public PoolAttempt? Attempt { get; set; }

    public async ValueTask DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        Response?.Dispose();
        Message?.Dispose();
        InFlight?.Dispose();
        Cts.Dispose();
    }
}
