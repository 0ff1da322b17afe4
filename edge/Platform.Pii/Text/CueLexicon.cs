using System.Buffers;

namespace Platform.Pii.Text;

/// <summary>
/// All cue words and sensitive-term lexicons in one vectorised multi-string search, so the whole
/// text is walked once for every lexicon instead of once per word list or regex.
/// </summary>
internal sealed class CueLexicon
{
    private readonly SearchValues<string> _values;
    private readonly Dictionary<char, Entry[]> _byFirstChar;

    private readonly record struct Entry(string Term, CueKind Kinds);

    private CueLexicon(Dictionary<string, CueKind> terms)
    {
        _values = SearchValues.Create([.. terms.Keys], StringComparison.OrdinalIgnoreCase);
        _byFirstChar = terms
            .GroupBy(t => char.ToUpperInvariant(t.Key[0]))
            .ToDictionary(g => g.Key, g => g.Select(t => new Entry(t.Key, t.Value)).OrderByDescending(e => e.Term.Length).ToArray());
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
                terms[term] = terms.TryGetValue(term, out var existing) ? existing | kinds : kinds;
            }
        }
        return new CueLexicon(terms);
    }

    /// <summary>Every entry occurrence, in text order. Latin-script entries must sit on word boundaries.</summary>
    public List<CueHit> FindAll(string text)
    {
        var hits = new List<CueHit>();
        var span = text.AsSpan();
        var pos = 0;
        while (pos < span.Length)
        {
            var found = span[pos..].IndexOfAny(_values);
            if (found < 0)
            {
                break;
            }
            var i = pos + found;
            if (_byFirstChar.TryGetValue(char.ToUpperInvariant(text[i]), out var bucket))
            {
                foreach (var entry in bucket)
                {
                    if (span[i..].StartsWith(entry.Term, StringComparison.OrdinalIgnoreCase) && TryBound(text, i, entry, out var length))
                    {
                        hits.Add(new CueHit(i, length, entry.Kinds & ~CueKind.Prefix));
                    }
                }
            }
            pos = i + 1;
        }
        return hits;
    }

    private static bool TryBound(string text, int start, Entry entry, out int length)
    {
        length = entry.Term.Length;
        if ((entry.Kinds & CueKind.Suffix) == 0 && IsWordChar(entry.Term[0]) && Continues(text, start - 1, -1))
        {
            return false;
        }
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
