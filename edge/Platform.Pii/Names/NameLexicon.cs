using Platform.Pii.Text;

namespace Platform.Pii.Names;

/// <summary>Family-name lists (Chinese, Japanese, Korean) and public/fictional names that are never personal data.</summary>
internal sealed class NameLexicon
{
    public NameLexicon()
    {
        Chinese = Words("surnames-zh.txt");
        Japanese = Words("surnames-ja.txt");
        Korean = Words("surnames-ko.txt");
        Common = new HashSet<string>(EmbeddedData.Lines("common-words.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        Public = new HashSet<string>(
            EmbeddedData.Lines("public-names.txt").Where(l => !l.Contains('|')).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        PublicLatin = new HashSet<string>(
            EmbeddedData.Lines("public-names.txt").Where(l => l.Contains('|')).SelectMany(l => l.Split('|', StringSplitOptions.TrimEntries)),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Span lookups, kept once: creating an alternate lookup per call costs a type check every time.
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Chinese { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Japanese { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Korean { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Public { get; }

    /// <summary>Everyday words; a capitalised run made only of them ("Not Sure") is a Title-Cased phrase, not a name.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Common { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PublicLatin { get; }

    /// <summary>Length of the Chinese family name that starts <paramref name="s"/> (compound first), or 0.</summary>
    public int ChineseSurnameLength(ReadOnlySpan<char> s)
    {
        var lookup = Chinese;
        if (s.Length >= 2 && lookup.Contains(s[..2]))
        {
            return 2;
        }
        return s.Length >= 1 && lookup.Contains(s[..1]) ? 1 : 0;
    }

    public int JapaneseSurnameLength(ReadOnlySpan<char> s)
    {
        var lookup = Japanese;
        for (var n = Math.Min(3, s.Length); n >= 1; n--)
        {
            if (lookup.Contains(s[..n]))
            {
                return n;
            }
        }
        return 0;
    }

    public bool IsPublic(ReadOnlySpan<char> name) => Public.Contains(name);

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words(string file) =>
        new HashSet<string>(EmbeddedData.Lines(file).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).GetAlternateLookup<ReadOnlySpan<char>>();
}
