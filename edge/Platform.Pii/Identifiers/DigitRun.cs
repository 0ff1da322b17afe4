using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>
/// A number as written: digit groups joined by single spaces or dashes, optionally led by "+cc" or "(cc)".
/// Parsed by hand over the text so that "身份证号110105…" and "(+86)189…" are found without regex word boundaries.
/// </summary>
internal struct DigitRun
{
    public const int MaxDigits = 24;
    private const int MaxGroups = 8;

    public int Start;
    public int End;
    public int DigitCount;
    public int Groups;
    public bool Plus;
    public bool Paren;
    private ulong _groupLengths;

    public readonly int Length => End - Start;

    public readonly int GroupLength(int index) => index < MaxGroups ? (int)((_groupLengths >> (index * 8)) & 0xFF) : 0;

    /// <summary>Parses the run starting at <paramref name="p"/>; returns where scanning should resume. DigitCount is 0 when nothing usable starts here.</summary>
    public static int Parse(string text, int p, Span<char> digits, out DigitRun run)
    {
        run = default;
        if (!StartsCleanly(text, p))
        {
            return SkipToken(text, p);
        }
        var i = p;
        if (text[i] is '+')
        {
            run.Plus = true;
            i++;
        }
        else if (text[i] is '(' or '（')
        {
            i++;
            if (i < text.Length && text[i] == '+')
            {
                run.Plus = true;
                i++;
            }
            var open = i;
            while (i < text.Length && Chars.IsAsciiDigit(text[i]) && i - open < 4)
            {
                digits[run.DigitCount++] = text[i++];
            }
            if (i == open || i >= text.Length || text[i] is not (')' or '）'))
            {
                run = default;
                return p + 1;
            }
            run.AddGroup(i - open);
            run.Paren = true;
            i++;
            if (i < text.Length && text[i] is ' ' or '-' && i + 1 < text.Length && Chars.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
        }
        if (i >= text.Length || !Chars.IsAsciiDigit(text[i]))
        {
            run = default;
            return p + 1;
        }
        while (true)
        {
            var groupStart = i;
            while (i < text.Length && Chars.IsAsciiDigit(text[i]))
            {
                if (run.DigitCount == MaxDigits)
                {
                    run = default;
                    return SkipToken(text, i);
                }
                digits[run.DigitCount++] = text[i++];
            }
            run.AddGroup(i - groupStart);
            if (i + 1 < text.Length && text[i] is ' ' or '-' or '\u00A0' && Chars.IsAsciiDigit(text[i + 1]))
            {
                i++;
                continue;
            }
            break;
        }
        // A resident ID's check character may be X, also when the ID is written in groups ("110105 19491231 002X").
        if (run.DigitCount == 17 && i < text.Length && text[i] is 'X' or 'x' && (i + 1 >= text.Length || !Chars.IsAsciiAlnum(text[i + 1])))
        {
            digits[run.DigitCount++] = 'X';
            i++;
        }
        run.Start = p;
        run.End = i;
        if (!EndsCleanly(text, i))
        {
            run = default;
            return SkipToken(text, i);
        }
        return i;
    }

    private void AddGroup(int length)
    {
        if (Groups < MaxGroups)
        {
            _groupLengths |= (ulong)Math.Min(length, 255) << (Groups * 8);
        }
        Groups++;
    }

    // Digits glued to letters or dots belong to codes, versions, decimals or IPs, which other scanners own.
    private static bool StartsCleanly(string text, int p)
    {
        if (p == 0)
        {
            return true;
        }
        var prev = text[p - 1];
        if (Chars.IsAsciiAlnum(prev) || prev is '.' or '_' or '#' or '@' or '\\' or '$' or '€' or '£' or '¥' or '￥')
        {
            return false;
        }
        return !(prev is '-' or ':' or ',' && p >= 2 && (prev == ',' ? Chars.IsAsciiDigit(text[p - 2]) : Chars.IsAsciiAlnum(text[p - 2])));
    }

    private static bool EndsCleanly(string text, int i)
    {
        if (i >= text.Length)
        {
            return true;
        }
        var c = text[i];
        if (Chars.IsAsciiLetter(c) || c is '@' or '_' or '%' or '*' or '•')
        {
            return false;
        }
        if (c is '.' or ':' && i + 1 < text.Length && Chars.IsAsciiAlnum(text[i + 1]))
        {
            return false;
        }
        // A thousands separator: "45,800".
        return !(c == ',' && i + 3 < text.Length && text.AsSpan(i + 1, 3).IndexOfAnyExceptInRange('0', '9') < 0 && (i + 4 >= text.Length || !Chars.IsAsciiDigit(text[i + 4])));
    }

    private static int SkipToken(string text, int i)
    {
        while (i < text.Length && (Chars.IsAsciiAlnum(text[i]) || text[i] is '.' or '-' or ':' or '_' or '*'))
        {
            i++;
        }
        return i;
    }
}
