namespace Platform.Pii.Text;

/// <summary>
/// All cue words and sensitive-term lexicons, matched in one pass over the text: Latin-script terms are tried only at
/// word starts (keyed by a hash of their first word), CJK terms at characters that begin one (a 64K-entry class table),
/// and stem suffixes (Haupt|straße) at word ends. Cost is linear in the text plus the candidates actually compared.
/// </summary>
internal sealed class CueLexicon
{
    private const byte WordChar = 1;
    private const byte StartsCjkTerm = 2;
    private const byte Observed = 4; // shown to the walk's observer: CJK characters and backticks
    private const byte StartsPrefixTerm = 8; // either case of a word-prefix term's first letter

    private readonly byte[] _charClass = new byte[char.MaxValue + 1];

    // Latin terms keyed by the hash of their first word (lower-cased): one lookup per word of text.
    private readonly Dictionary<ulong, Entry[]> _latinByFirstWord;

    // One bit per first-word hash bucket: most words of a prompt start no term, and a bit test rejects them
    // before the dictionary is probed.
    private const int FilterBits = 1 << 16;
    private readonly ulong[] _firstWordFilter = new ulong[FilterBits / 64];

    // Word-prefix terms ("diabet*") cannot be found by whole-word hash; they are few and tried at every word start.
    private readonly Entry[] _latinPrefixes;
    private readonly Entry[]?[] _otherByFirstChar = new Entry[]?[char.MaxValue + 1];
    // Stem suffixes grouped by their last three letters (lower-case, packed), so a word is compared with the few that
    // could end it; a bit filter over those keys rejects almost every word of a prompt before the dictionary is probed.
    private const int MinSuffixLength = 3;
    private const int SuffixFilterBits = 1 << 12;
    private readonly Dictionary<ulong, Entry[]> _latinSuffixes;
    private readonly ulong[] _suffixFilter = new ulong[SuffixFilterBits / 64];

    private readonly record struct Entry(string Term, CueKind Kinds);

    private CueLexicon(List<Entry> entries)
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            _charClass[c] = IsWordChar((char)c) ? WordChar : Chars.IsCjk((char)c) || c == '`' ? Observed : (byte)0;
        }
        var latin = entries.Where(e => IsWordChar(e.Term[0])).ToList();
        _latinByFirstWord = latin
            .Where(e => (e.Kinds & (CueKind.Suffix | CueKind.Prefix)) == 0)
            .GroupBy(e => FirstWordHash(e.Term, 0, out _, out _))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Term.Length).ToArray());
        foreach (var hash in _latinByFirstWord.Keys)
        {
            _firstWordFilter[(hash >> 6) & (FilterBits / 64 - 1)] |= 1UL << (int)(hash & 63);
        }
        _latinPrefixes = [.. latin.Where(e => (e.Kinds & CueKind.Prefix) != 0)];
        var suffixes = latin.Where(e => (e.Kinds & CueKind.Suffix) != 0).ToList();
        if (suffixes.FirstOrDefault(e => e.Term.Length < MinSuffixLength) is { Term: { } shortSuffix })
        {
            throw new InvalidOperationException($"cues.txt: the suffix '-{shortSuffix}' is shorter than {MinSuffixLength} letters; write the whole word instead.");
        }
        _latinSuffixes = suffixes.GroupBy(e => SuffixKey(e.Term, e.Term.Length)).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var key in _latinSuffixes.Keys)
        {
            _suffixFilter[SuffixFilterSlot(key)] |= SuffixFilterBit(key);
        }
        // A class bit rejects most words before any prefix term is compared.
        foreach (var e in _latinPrefixes)
        {
            _charClass[char.ToLowerInvariant(e.Term[0])] |= StartsPrefixTerm;
            _charClass[char.ToUpperInvariant(e.Term[0])] |= StartsPrefixTerm;
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

    /// <summary>
    /// Appends every entry occurrence to <paramref name="hits"/>, in text order (Latin-script entries on word
    /// boundaries), and shows the walk to <paramref name="observer"/>.
    /// </summary>
    public void FindAll<TObserver>(string text, List<CueHit> hits, ref TObserver observer)
        where TObserver : struct, ITextObserver
    {
        var charClass = _charClass; // a local, so the JIT keeps the table in a register over the whole walk
        var observed = Math.Min(text.Length, observer.ObservedChars);
        var i = 0;
        while (i < text.Length)
        {
            var cls = charClass[text[i]];
            if ((cls & WordChar) != 0)
            {
                var hash = FirstWordHash(text, i, out var end, out var ascii);
                // No entry starts with a digit; digit runs are the number scanners' business.
                if (!Chars.IsAsciiDigit(text[i]))
                {
                    if (i < observed)
                    {
                        observer.Word(text, i, end, hash, ascii);
                    }
                    if (!Continues(text, i - 1, -1))
                    {
                        if ((_firstWordFilter[(hash >> 6) & (FilterBits / 64 - 1)] & (1UL << (int)(hash & 63))) != 0 && _latinByFirstWord.TryGetValue(hash, out var bucket))
                        {
                            MatchAt(text, i, end - i, bucket, hits);
                        }
                        if ((cls & StartsPrefixTerm) != 0)
                        {
                            MatchPrefixes(text, i, end, hits);
                        }
                    }
                }
                if (end - i > MinSuffixLength)
                {
                    MatchSuffixes(text, i, end, hits);
                }
                i = end;
                continue;
            }
            if ((cls & StartsCjkTerm) != 0)
            {
                MatchCaseless(text, i, _otherByFirstChar[text[i]]!, hits);
            }
            if ((cls & Observed) != 0 && i < observed)
            {
                observer.CjkOrBacktick(text, i);
            }
            i++;
        }
    }

    private void MatchPrefixes(string text, int start, int end, List<CueHit> hits)
    {
        var first = Lower(text[start]);
        foreach (var entry in _latinPrefixes)
        {
            if (Lower(entry.Term[0]) == first && end - start >= entry.Term.Length && text.AsSpan(start).StartsWith(entry.Term, StringComparison.OrdinalIgnoreCase) && TryBound(text, start, entry, out var length))
            {
                hits.Add(new CueHit(start, length, entry.Kinds & ~CueKind.Prefix));
            }
        }
    }

    private static void MatchAt(string text, int start, int wordLength, Entry[] bucket, List<CueHit> hits)
    {
        var rest = text.AsSpan(start);
        var plural = false;
        foreach (var entry in bucket)
        {
            // A bucket's terms share their first word ("my son", "my name is"): the two chars after it (a space and the
            // next word's first letter) reject most terms before the whole term is compared.
            var term = entry.Term;
            if (term.Length > rest.Length || (term.Length > wordLength + 1 && (term[wordLength] != rest[wordLength] || Lower(term[wordLength + 1]) != Lower(rest[wordLength + 1]))))
            {
                continue;
            }
            if (rest.StartsWith(term, StringComparison.OrdinalIgnoreCase) && TryBound(text, start, entry, out var length))
            {
                Add(hits, start, length, entry.Kinds, ref plural);
            }
        }
    }

    // Buckets are longest first, so a plural ("我们") is seen before the first-person entry it contains ("我").
    private static void Add(List<CueHit> hits, int start, int length, CueKind kinds, ref bool plural)
    {
        plural |= (kinds & CueKind.Plural) != 0;
        if (plural && (kinds & CueKind.FirstPerson) != 0 && (kinds & CueKind.Plural) == 0)
        {
            kinds &= ~CueKind.FirstPerson;
            if (kinds == CueKind.None)
            {
                return;
            }
        }
        hits.Add(new CueHit(start, length, kinds & ~CueKind.Prefix));
    }

    // CJK and other caseless scripts: an ordinal comparison, second character first.
    private static void MatchCaseless(string text, int start, Entry[] bucket, List<CueHit> hits)
    {
        var rest = text.AsSpan(start);
        var plural = false;
        foreach (var entry in bucket)
        {
            var term = entry.Term;
            if (term.Length <= rest.Length && (term.Length == 1 || rest[1] == term[1]) && rest.StartsWith(term, StringComparison.Ordinal) && TryBound(text, start, entry, out var length))
            {
                Add(hits, start, length, entry.Kinds, ref plural);
            }
        }
    }

    // "Hauptstraße": a stem at the end of a longer word.
    private void MatchSuffixes(string text, int start, int end, List<CueHit> hits)
    {
        var key = SuffixKey(text, end);
        if ((_suffixFilter[SuffixFilterSlot(key)] & SuffixFilterBit(key)) == 0 || !_latinSuffixes.TryGetValue(key, out var bucket))
        {
            return;
        }
        var word = text.AsSpan(start, end - start);
        foreach (var entry in bucket)
        {
            if (word.Length > entry.Term.Length && word.EndsWith(entry.Term, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(new CueHit(end - entry.Term.Length, entry.Term.Length, entry.Kinds));
            }
        }
    }

    // The last three letters before end, lower-cased and packed into one number.
    private static ulong SuffixKey(ReadOnlySpan<char> s, int end) => Lower(s[end - 3]) | ((ulong)Lower(s[end - 2]) << 16) | ((ulong)Lower(s[end - 1]) << 32);

    private static int SuffixFilterSlot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 58);

    private static ulong SuffixFilterBit(ulong key) => 1UL << (int)((key * 0x9E3779B97F4A7C15UL) >> 52 & 63);

    // The WordHash of the run of word characters starting at start; end receives where the run stops, ascii whether all its chars are.
    private static ulong FirstWordHash(ReadOnlySpan<char> s, int start, out int end, out bool ascii)
    {
        var hash = WordHash.Seed;
        var seen = 0;
        end = start;
        while (end < s.Length && Chars.WordCharLower(s[end]) is var lower && lower != '\0')
        {
            hash = WordHash.Add(hash, lower);
            seen |= s[end];
            end++;
        }
        ascii = seen < 0x80;
        return hash;
    }

    private static char Lower(char c) => Chars.ToLower(c);

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
