using System.Buffers;
using Platform.Pii.Identifiers;
using Platform.Pii.Text;

namespace Platform.Pii.Sensitive;

/// <summary>The age phrase of a child under 14 ("今年4岁", "9 yrs old", "(8 Jahre)", "umur 10 tahun") when the prompt names a child of the user.</summary>
internal sealed class MinorAgeDetector
{
    private const int MinorAgeLimit = 14;

    // Longest first so "years old" wins over "years".
    private static readonly string[] Units =
    [
        "-year-old", " years old", " year old", " yrs old", " yr old", "years old", "yrs old", " years", " yrs", "-years-old",
        "岁半", "歲半", "岁", "歲", "歳", "才", "살", "세", " ans", " Jahre", " Jahren", " años", " tuổi", " tahun", " jaar",
    ];

    private static readonly SearchValues<char> UnitStarts = SearchValues.Create(string.Concat(Units.Select(u => u.TrimStart()[0].ToString() + char.ToUpperInvariant(u.TrimStart()[0]) + char.ToLowerInvariant(u.TrimStart()[0]))));

    // Words that introduce an age and belong to the phrase.
    private static readonly string[] Leads = ["今年", "umur ", "usia ", "de ", "aged ", "age "];

    // Ages written in Chinese numerals: 五岁, 十二歲, 两岁半.
    private const string ChineseNumerals = "一二两兩三四五六七八九十";

    public void Detect(ScanContext ctx)
    {
        if (!ctx.Has(CueKind.ChildCue))
        {
            return;
        }
        DetectChineseNumeralAges(ctx);
        var text = ctx.Text;
        var digits = new CharRangeScanner(text, '0', '9');
        var i = 0;
        while (i < text.Length)
        {
            var start = digits.Next(i);
            if (start < 0)
            {
                return;
            }
            var end = start + 1;
            while (end < text.Length && Chars.IsAsciiDigit(text[end]))
            {
                end++;
            }
            i = end;
            if (end - start > 2 || (start > 0 && (Chars.IsAsciiAlnum(text[start - 1]) || text[start - 1] is '.' or ',')))
            {
                continue;
            }
            var age = DateParts.Number(text.AsSpan(start, end - start));
            var unitEnd = MatchUnit(text, end);
            if (unitEnd < 0 || age >= MinorAgeLimit)
            {
                continue;
            }
            ctx.Add(PiiTypes.Minor, LeadStart(text, start), unitEnd - LeadStart(text, start));
        }
    }

    private static void DetectChineseNumeralAges(ScanContext ctx)
    {
        var text = ctx.Text;
        var i = text.AsSpan().IndexOfAny('岁', '歲');
        while (i > 0)
        {
            var start = i;
            while (start > 0 && ChineseNumerals.Contains(text[start - 1]) && i - start < 3)
            {
                start--;
            }
            var age = ChineseAge(text.AsSpan(start, i - start));
            if (age is > 0 and < MinorAgeLimit)
            {
                var end = i + 1 < text.Length && text[i + 1] == '半' ? i + 2 : i + 1;
                ctx.Add(PiiTypes.Minor, LeadStart(text, start), end - LeadStart(text, start));
            }
            var next = text.AsSpan(i + 1).IndexOfAny('岁', '歲');
            i = next < 0 ? -1 : i + 1 + next;
        }
    }

    // 五 → 5, 十二 → 12, 十 → 10; anything else (or nothing) → 0.
    private static int ChineseAge(ReadOnlySpan<char> numerals)
    {
        static int Digit(char c) => c switch
        {
            '一' => 1, '二' or '两' or '兩' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => 0,
        };
        return numerals.Length switch
        {
            1 => numerals[0] == '十' ? 10 : Digit(numerals[0]),
            2 when numerals[0] == '十' => 10 + Digit(numerals[1]),
            _ => 0,
        };
    }

    private static int MatchUnit(string text, int from)
    {
        var rest = text.AsSpan(from);
        var trimmed = rest.TrimStart(' ');
        if (trimmed.Length == 0 || !UnitStarts.Contains(trimmed[0]))
        {
            return -1;
        }
        var skipped = rest.Length - trimmed.Length;
        foreach (var unit in Units)
        {
            var candidate = unit[0] == ' ' ? rest : trimmed;
            var offset = unit[0] == ' ' ? 0 : skipped;
            // A first-character test before the comparison call: most runs reaching here are dates and amounts, not ages.
            if (candidate.Length >= unit.Length && Chars.ToLower(candidate[0]) == unit[0] && candidate.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                var end = from + offset + unit.Length;
                var lastIsLetter = Chars.IsWordLetter(unit[^1]);
                if (!lastIsLetter || end >= text.Length || !Chars.IsWordLetter(text[end]))
                {
                    return end;
                }
            }
        }
        return -1;
    }

    private static int LeadStart(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd(' ');
        foreach (var lead in Leads)
        {
            var trimmedLead = lead.TrimEnd();
            if (before.EndsWith(trimmedLead, StringComparison.OrdinalIgnoreCase))
            {
                var leadStart = before.Length - trimmedLead.Length;
                if (leadStart == 0 || !Chars.IsWordLetter(text[leadStart - 1]) || !Chars.IsWordLetter(trimmedLead[0]))
                {
                    return leadStart;
                }
            }
        }
        return start;
    }
}
