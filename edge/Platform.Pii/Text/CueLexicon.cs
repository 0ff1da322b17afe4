namespace Platform.Pii.Text;

/// <summary>
/// All cue words and sensitive-term lexicons, matched in one pass over the text: Latin-script terms are tried only at
/// word starts (keyed by their first two letters), CJK terms at characters that begin one (a 64K-entry class table),
/// and stem suffixes (Haupt|straße) at word ends. Cost is linear in the text plus the candidates actually compared.
/// </summary>
internal sealed class CueLexicon
{
    private const byte WordChar = 1;
    private const byte StartsCjkTerm = 2;

    private readonly byte[] _charClass = new byte[char.MaxValue + 1];
    private readonly Dictionary<int, Entry[]> _latinByFirstTwo;
    private readonly Entry[]?[] _asciiByFirstTwo = new Entry[]?[128 * 128];
    private readonly Entry[]?[] _otherByFirstChar = new Entry[]?[char.MaxValue + 1];
    private readonly Entry[] _latinSuffixes;

    private readonly record struct Entry(string Term, CueKind Kinds);

    private CueLexicon(List<Entry> entries)
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            _charClass[c] = IsWordChar((char)c) ? WordChar : (byte)0;
        }
        var latin = entries.Where(e => IsWordChar(e.Term[0])).ToList();
        _latinByFirstTwo = latin
            .Where(e => (e.Kinds & CueKind.Suffix) == 0)
            .GroupBy(e => Key(e.Term, 0))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Term.Length).ToArray());
        _latinSuffixes = [.. latin.Where(e => (e.Kinds & CueKind.Suffix) != 0)];
        // ASCII keys (the vast majority) index a flat table instead of hashing.
        foreach (var (key, bucket) in _latinByFirstTwo)
        {
            if (key >> 16 < 128 && (key & 0xFFFF) < 128)
            {
                _asciiByFirstTwo[((key >> 16) * 128) + (key & 0xFFFF)] = bucket;
            }
        }
        var other = entries.Where(e => !IsWordChar(e.Term[0])).ToList();
        foreach (var e in other)
        {
            _charClass[e.Term[0]] |= StartsCjkTerm;
        }
        foreach (var g in other.GroupBy(e => e.Term[0]))
        {
            _otherByFirstChar[g.Key] = [.. g.OrderByDescending(e => e.Term.Length)];
        }
    }

    /// <summary>Data format: a line <c>@Kind Kind …</c> opens a section; following lines hold terms separated by '|'. A trailing '*' makes a term a word prefix, a leading '-' a suffix.</summary>
    public static CueLexicon Load(IEnumerable<string> lines)
    {
        var terms = new Dictionary<string, CueKind>(StringComparer.OrdinalIgnoreCase);
        var current = CueKind.None;
        foreach (var line in lines)
        {
            if (line[0] == '@')
            {
                current = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Aggregate(CueKind.None, (k, name) => k | Enum.Parse<CueKind>(name));
                continue;
            }
            foreach (var raw in line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kinds = current;
                var term = raw;
                if (term.Length > 1 && term[^1] == '*')
                {
                    term = term[..^1];
                    kinds |= CueKind.Prefix;
                }
                if (term.Length > 1 && term[0] == '-')
                {
                    term = term[1..];
                    kinds |= CueKind.Suffix;
                }
                // A stem may also be listed as a whole word: the two entries are different lookups.
                var key = (kinds & CueKind.Suffix) != 0 && IsWordChar(term[0]) ? "-" + term : term;
                terms[key] = terms.TryGetValue(key, out var existing) ? existing | kinds : kinds;
            }
        }
        return new CueLexicon([.. terms.Select(t => new Entry((t.Value & CueKind.Suffix) != 0 && t.Key[0] == '-' ? t.Key[1..] : t.Key, t.Value))]);
    }

    /// <summary>Every entry occurrence, in text order. Latin-script entries sit on word boundaries.</summary>
    public List<CueHit> FindAll(string text)
    {
        var hits = new List<CueHit>();
        var i = 0;
        while (i < text.Length)
        {
            var cls = _charClass[text[i]];
            if ((cls & WordChar) != 0)
            {
                var end = i + 1;
                while (end < text.Length && (_charClass[text[end]] & WordChar) != 0)
                {
                    end++;
                }
                // No entry starts with a digit; digit runs are the number scanners' business.
                if (!Chars.IsAsciiDigit(text[i]) && !Continues(text, i - 1, -1))
                {
                    MatchLatin(text, i, hits);
                }
                MatchSuffixes(text, i, end, hits);
                i = end;
                continue;
            }
            if ((cls & StartsCjkTerm) != 0)
            {
                MatchCaseless(text, i, _otherByFirstChar[text[i]]!, hits);
            }
            i++;
        }
        return hits;
    }

    private void MatchLatin(string text, int start, List<CueHit> hits)
    {
        var key = Key(text, start);
        if (Bucket(key) is { } bucket)
        {
            MatchAt(text, start, bucket, hits);
        }
        // One-letter entries ("I") and entries whose second char is not a letter ("a.n.", "a/c").
        if ((key & 0xFFFF) != 0 && Bucket(key & ~0xFFFF) is { } shortBucket)
        {
            MatchAt(text, start, shortBucket, hits);
        }
    }

    private Entry[]? Bucket(int key)
    {
        var first = key >> 16;
        var second = key & 0xFFFF;
        if (first < 128 && second < 128)
        {
            return _asciiByFirstTwo[(first * 128) + second];
        }
        return _latinByFirstTwo.GetValueOrDefault(key);
    }

    private static void MatchAt(string text, int start, Entry[] bucket, List<CueHit> hits)
    {
        var rest = text.AsSpan(start);
        foreach (var entry in bucket)
        {
            if (rest.StartsWith(entry.Term, StringComparison.OrdinalIgnoreCase) && TryBound(text, start, entry, out var length))
            {
                hits.Add(new CueHit(start, length, entry.Kinds & ~CueKind.Prefix));
            }
        }
    }

    // CJK and other caseless scripts: an ordinal comparison, second character first.
    private static void MatchCaseless(string text, int start, Entry[] bucket, List<CueHit> hits)
    {
        var rest = text.AsSpan(start);
        foreach (var entry in bucket)
        {
            var term = entry.Term;
            if (term.Length <= rest.Length && (term.Length == 1 || rest[1] == term[1]) && rest.StartsWith(term, StringComparison.Ordinal) && TryBound(text, start, entry, out var length))
            {
                hits.Add(new CueHit(start, length, entry.Kinds & ~CueKind.Prefix));
            }
        }
    }

    // "Hauptstraße": a stem at the end of a longer word.
    private void MatchSuffixes(string text, int start, int end, List<CueHit> hits)
    {
        var word = text.AsSpan(start, end - start);
        var last = Lower(word[^1]);
        foreach (var entry in _latinSuffixes)
        {
            if (word.Length > entry.Term.Length && Lower(entry.Term[^1]) == last && word.EndsWith(entry.Term, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(new CueHit(end - entry.Term.Length, entry.Term.Length, entry.Kinds));
            }
        }
    }

    private static int Key(ReadOnlySpan<char> s, int start, bool single = false)
    {
        var first = Lower(s[start]);
        var second = single || start + 1 >= s.Length || !IsWordChar(s[start + 1]) ? '\0' : Lower(s[start + 1]);
        return (first << 16) | second;
    }

    private static char Lower(char c) => c < 128 ? (Chars.IsAsciiUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    private static int Key(string term, int start) => Key(term.AsSpan(), start);

    private static bool TryBound(string text, int start, Entry entry, out int length)
    {
        length = entry.Term.Length;
        // Korean particles attach at a word's end, never its start: "제" (my) must not match inside "문제".
        // Health terms are exempt: Korean conditions are compounds (공황장애 ends in 장애).
        if (Chars.IsHangul(entry.Term[0]) && (entry.Kinds & CueKind.Health) == 0 && start > 0 && Chars.IsHangul(text[start - 1]))
        {
            return false;
        }
        var end = start + length;
        if (!IsWordChar(entry.Term[^1]) || !Continues(text, end, 1))
        {
            return true;
        }
        if ((entry.Kinds & CueKind.Prefix) == 0)
        {
            return false;
        }
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }
        length = end - start;
        return true;
    }

    private static bool IsWordChar(char c) => Chars.IsWordLetter(c) || Chars.IsAsciiDigit(c);

    // "mi-temps" and "l'asthme" are one word for boundary purposes.
    private static bool Continues(string text, int i, int direction)
    {
        if (i < 0 || i >= text.Length)
        {
            return false;
        }
        if (IsWordChar(text[i]))
        {
            return true;
        }
        var next = i + direction;
        return text[i] is '-' or '\'' && next >= 0 && next < text.Length && Chars.IsWordLetter(text[next]);
    }
}
