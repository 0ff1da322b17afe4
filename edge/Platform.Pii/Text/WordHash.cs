namespace Platform.Pii.Text;

/// <summary>
/// FNV-1a over a word's lower-cased characters: the key that cue first words and the locale's stop words are both
/// looked up by, so the one walk over a prompt hashes each word once for both.
/// </summary>
internal static class WordHash
{
    public const ulong Seed = 14695981039346656037;

    public static ulong Add(ulong hash, char lower) => (hash ^ lower) * 1099511628211;

    public static ulong Of(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        foreach (var c in word)
        {
            hash = Add(hash, Chars.ToLower(c));
        }
        return hash;
    }
}
