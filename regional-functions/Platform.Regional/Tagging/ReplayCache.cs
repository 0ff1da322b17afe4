using Platform.Contracts.Tags;

namespace Platform.Regional.Tagging;

internal enum ReplayCheck
{
    Fresh,
    Replayed,
    Full,
}

/// <summary>
/// The request ids seen while their signatures could still verify. A captured request replayed within
/// that window is refused; after it the signature has expired anyway. Bounded, so a flood cannot exhaust memory.
/// </summary>
internal sealed class ReplayCache(TimeProvider time, int capacity = ReplayCache.DefaultCapacity)
{
    public const int DefaultCapacity = 200_000;

    /// <summary>A signature verifies up to <see cref="TagSigner.MaxAge"/> after its timestamp, which may be a few seconds ahead of our clock.</summary>
    public static readonly TimeSpan Window = TagSigner.MaxAge + TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset Expires)> _order = new();

    public ReplayCheck Record(string requestId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && oldest.Expires <= now)
            {
                _order.Dequeue();
                _seen.Remove(oldest.Id);
            }

            if (_seen.ContainsKey(requestId))
            {
                return ReplayCheck.Replayed;
            }

            // Forgetting an id early would reopen the replay window; refusing new work while full keeps it shut.
            if (_seen.Count >= capacity)
            {
                return ReplayCheck.Full;
            }

            var expires = now + Window;
            _seen[requestId] = expires;
            _order.Enqueue((requestId, expires));
            return ReplayCheck.Fresh;
        }
    }
}
