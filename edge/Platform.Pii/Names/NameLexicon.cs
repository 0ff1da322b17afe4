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
        Public = new HashSet<string>(
            EmbeddedData.Lines("public-names.txt").Where(l => !l.Contains('|')).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            StringComparer.OrdinalIgnoreCase);
        PublicLatin = [.. EmbeddedData.Lines("public-names.txt").Where(l => l.Contains('|')).SelectMany(l => l.Split('|', StringSplitOptions.TrimEntries))];
    }

    public HashSet<string> Chinese { get; }

    public HashSet<string> Japanese { get; }

    public HashSet<string> Korean { get; }

    public HashSet<string> Public { get; }

    public string[] PublicLatin { get; }

    /// <summary>Length of the Chinese family name that starts <paramref name="s"/> (compound first), or 0.</summary>
    public int ChineseSurnameLength(ReadOnlySpan<char> s)
    {
        var lookup = Chinese.GetAlternateLookup<ReadOnlySpan<char>>();
        if (s.Length >= 2 && lookup.Contains(s[..2]))
        {
            return 2;
        }
        return s.Length >= 1 && lookup.Contains(s[..1]) ? 1 : 0;
    }

    public int JapaneseSurnameLength(ReadOnlySpan<char> s)
    {
        var lookup = Japanese.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var n = Math.Min(3, s.Length); n >= 1; n--)
        {
            if (lookup.Contains(s[..n]))
            {
                return n;
            }
        }
        return 0;
    }

    public bool IsPublic(ReadOnlySpan<char> name) => Public.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    private static HashSet<string> Words(string file) =>
        [.. EmbeddedData.Lines(file).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
}
