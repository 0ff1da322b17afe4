using Platform.Contracts.OpenAi;

namespace Platform.Regional.Routing;

/// <summary>
/// Requests that start with the same long system prompt go to the same pool, so vLLM's prefix cache already holds
/// it. The pool is chosen by rendezvous (highest random weight) hashing over the admitted pools: when a pool is
/// ejected or comes back, only its own prefixes move.
/// </summary>
internal static class PrefixAffinity
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>The hash of the leading system (or developer) messages when together they are at least <paramref name="minChars"/> long; otherwise null.</summary>
    public static ulong? KeyOf(ChatRequest request, int minChars)
    {
        var hash = FnvOffset;
        var length = 0;
        foreach (var (role, text) in request.Messages)
        {
            if (role is not ("system" or "developer"))
            {
                break;
            }

            hash = Add(Add(hash, text), "\n");
            length += text.Length;
        }

        return length > 0 && length >= minChars ? hash : null;
    }

    /// <summary>The pool's weight for this prefix; the highest weight wins.</summary>
    public static ulong Weight(ulong key, string poolId) => Mix(Add(key, poolId));

    private static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return hash;
    }

    // SplitMix64's finaliser: FNV alone leaves weights of ids that differ in their last character too close.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
