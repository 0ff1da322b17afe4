using System.Text.RegularExpressions;
using Platform.Pii.Text;

namespace Platform.Pii.Addresses;

/// <summary>
/// Street-level postal addresses around a street word: CJK (…路 1037 号 8 栋…, …2丁目14-7), Korean road names
/// (…로12길 34), and Latin-script addresses (27 Wellington Road, Hauptstraße 47, Blk 456 … #08-1123 Singapore 560456).
/// A house number is required, so "on the road" or "Jalan-jalan" never count.
/// </summary>
internal sealed partial class AddressDetector
{
    private const int MaxCjkLeft = 16;
    private const int MaxCjkRight = 30;
    private const int MaxLatinRight = 90;
    private const string CjkUnitChars = "号號栋棟单元單室楼樓层層座之巷弄段丁目番地区區街路道一二三四五六七八九十";
    private const string StreetSections = "中東西南北东";
    private const string CjkLeftStops = "址在到于於住是为為的：:，,。、 \n我您他她请請把给給寄送往";

    public void Detect(ScanContext ctx)
    {
        if (ctx.Locale == "ko")
        {
            foreach (Match m in KoreanRoadAddress().Matches(ctx.Text))
            {
                ctx.Add(PiiTypes.Address, m.Index, m.Length);
            }
        }
        // Japanese addresses need no street word: prefecture, municipality (市/区/町/村/郡), district, then the block
        // number written with dashes (東京都世田谷区三軒茶屋2-14-7). Only texts holding one of the pattern's prefecture
        // anchors are searched: 都, 道 and 府 alone are everyday Chinese characters.
        if (HasPrefectureAnchor(ctx.Text))
        {
            foreach (var m in JapaneseAddress().EnumerateMatches(ctx.Text))
            {
                ctx.Add(PiiTypes.Address, m.Index, m.Length);
            }
        }
        if (!ctx.Has(CueKind.StreetWord))
        {
            return;
        }
        foreach (var hit in ctx.Cues)
        {
            if ((hit.Kinds & CueKind.StreetWord) == 0 || ctx.Overlaps(hit.Start, hit.Length))
            {
                continue;
            }
            if (Chars.IsCjk(ctx.Text[hit.Start]))
            {
                Cjk(ctx, hit);
            }
            else
            {
                Latin(ctx, hit);
            }
        }
    }

    // From a street word (路, 街, 丁目), the address runs left over the place names and right over numbers and units.
    private static void Cjk(ScanContext ctx, CueHit hit)
    {
        var text = ctx.Text;
        // Hong Kong streets carry a section after the street word: 皇后大道中 99 號, 干諾道西 1 號.
        var numberFrom = hit.End < text.Length && StreetSections.Contains(text[hit.End]) ? hit.End + 1 : hit.End;
        var right = numberFrom;
        var digits = 0;
        while (right < text.Length && right - numberFrom < MaxCjkRight)
        {
            var c = text[right];
            if (Chars.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '－' || CjkUnitChars.Contains(c) || (Chars.IsAsciiUpper(c) && (right + 1 >= text.Length || !Chars.IsAsciiLetter(text[right + 1])))))
            {
                break;
            }
            right++;
        }
        // The house number must follow the street word closely.
        if (digits == 0 || numberFrom >= text.Length || !(Chars.IsAsciiDigit(text[numberFrom]) || text[numberFrom] == ' ' || CjkUnitChars.Contains(text[numberFrom])))
        {
            return;
        }
        while (right > numberFrom && text[right - 1] is ' ' or '-')
        {
            right--;
        }
        var left = hit.Start;
        while (left > 0 && hit.Start - left < MaxCjkLeft && (Chars.IsHan(text[left - 1]) || Chars.IsKana(text[left - 1]) || Chars.IsAsciiDigit(text[left - 1])) && !CjkLeftStops.Contains(text[left - 1]))
        {
            left--;
        }
        if (hit.Start - left >= 2)
        {
            ctx.Add(PiiTypes.Address, left, right - left);
        }
    }

    private static void Latin(ScanContext ctx, CueHit hit)
    {
        var text = ctx.Text;
        var left = ExtendLeft(text, hit.Start);
        // A house or block number must sit right at the street name: before it ("27 Wellington Road", "Blk 456")
        // or within its next few capitalised words ("Hauptstraße 47", "Calle Mayor 12"). "Block traffic from …" has none,
        // and is dropped before the clause is walked ("way", "place" are frequent words).
        var numberBefore = text.AsSpan(left, hit.Start - left).IndexOfAnyInRange('0', '9') >= 0;
        if (!numberBefore && !NumberSoonAfter(text, hit.End))
        {
            return;
        }
        var right = ExtendRight(ctx, hit.End);
        if (right - left < hit.Length + 3)
        {
            return;
        }
        ctx.Add(PiiTypes.Address, left, right - left);
    }

    private static bool NumberSoonAfter(string text, int from)
    {
        var i = from;
        for (var tokens = 0; tokens < 4 && i < text.Length; tokens++)
        {
            while (i < text.Length && text[i] is ' ' or '.' or ',')
            {
                i++;
            }
            if (i >= text.Length)
            {
                return false;
            }
            if (Chars.IsAsciiDigit(text[i]))
            {
                return true;
            }
            if (!char.IsUpper(text[i]) && text[i] != '#' && !IsParticle(text, i))
            {
                return false;
            }
            while (i < text.Length && (Chars.IsWordLetter(text[i]) || text[i] is '#' or '-'))
            {
                i++;
            }
        }
        return false;
    }

    // "Calle de Alcalá", "rue des Lilas": lower-case particles inside street names.
    private static bool IsParticle(string text, int i)
    {
        var end = i;
        while (end < text.Length && Chars.IsWordLetter(text[end]))
        {
            end++;
        }
        return text.AsSpan(i, end - i) is "de" or "del" or "des" or "du" or "la" or "le" or "di" or "van" or "von" or "der" or "da" or "dos";
    }

    // Left over house numbers, "No.", "Flat 3," and capitalised street-name words, at most five tokens.
    private static int ExtendLeft(string text, int start)
    {
        var left = start;
        for (var tokens = 0; tokens < 5; tokens++)
        {
            var i = left;
            while (i > 0 && text[i - 1] == ' ')
            {
                i--;
            }
            var commaGap = i > 0 && text[i - 1] == ',';
            if (commaGap)
            {
                i--;
            }
            var end = i;
            while (i > 0 && (Chars.IsWordLetter(text[i - 1]) || Chars.IsAsciiDigit(text[i - 1]) || text[i - 1] is '.' or '#' or '/' or '-' or 'º'))
            {
                i--;
            }
            if (i == end)
            {
                break;
            }
            var word = text.AsSpan(i, end - i);
            var numeric = Chars.IsAsciiDigit(word[0]);
            var acceptable = numeric || char.IsUpper(word[0]) || IsParticle(text, i);
            // Across a comma only a number ("Flat 3, 27 …") belongs to the address.
            if (!acceptable || (commaGap && !numeric))
            {
                break;
            }
            left = i;
        }
        return left;
    }

    // Right until the clause ends: sentence punctuation, a line break, ", " followed by a lower-case word (", mobile …")
    // or by a contact cue (", Rufnummer …"), or another finding.
    private static int ExtendRight(ScanContext ctx, int from)
    {
        var text = ctx.Text;
        var i = from;
        var lastGood = from;
        var limit = Math.Min(ctx.NextCoveredPosition(from), from + MaxLatinRight);
        while (i < limit)
        {
            var c = text[i];
            if (c is '\n' or ';' or '。' or '，' or '(' or '（' or '?' or '!' or '—' or '–' || (c == '.' && (i + 1 >= text.Length || text[i + 1] is ' ' or '\n') && !IsAbbreviation(text, i)))
            {
                break;
            }
            if (c == ',')
            {
                var j = i + 1;
                while (j < text.Length && text[j] == ' ')
                {
                    j++;
                }
                if (j >= text.Length || char.IsLower(text[j]) || !(Chars.IsWordLetter(text[j]) || Chars.IsAsciiDigit(text[j])) || ctx.CueStartsAt(j, CueKind.PhoneCue | CueKind.NationalIdCue | CueKind.DobCue | CueKind.NameCue | CueKind.BankCue | CueKind.PassportCue))
                {
                    break;
                }
            }
            if (!char.IsWhiteSpace(c) && c != ',')
            {
                lastGood = i + 1;
            }
            i++;
        }
        return lastGood;
    }

    // "Jl." and "No." end in a dot without ending the sentence.
    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && Chars.IsWordLetter(text[start - 1]))
        {
            start--;
        }
        return dot - start is >= 1 and <= 3 && char.IsUpper(text[start]);
    }

    private static bool HasPrefectureAnchor(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (true)
        {
            var k = text[i..].IndexOfAny("都道府県");
            if (k < 0)
            {
                return false;
            }
            i += k;
            if (text[i] == '県' || (i >= 2 && text[(i - 2)..(i + 1)] is "東京都" or "北海道" or "京都府" or "大阪府"))
            {
                return true;
            }
            i++;
        }
    }

    [GeneratedRegex(@"(?:東京都|北海道|(?:京都|大阪)府|\p{IsCJKUnifiedIdeographs}{2,3}県)(?:[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ヶ]{1,6}?[市区町村郡]){1,3}[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ヶ]{0,8}?[0-9０-９]{1,4}(?:丁目)?(?:[-－‐][0-9０-９]{1,4}){1,2}(?:番地?|号)?")]
    private static partial Regex JapaneseAddress();

    [GeneratedRegex(@"(?:[가-힣]+(?:특별시|광역시|특별자치시|도)\s)?(?:[가-힣]+(?:시|군|구)\s){0,2}[가-힣0-9]+(?:로|길)\s?\d+(?:-\d+)?(?:,?\s?\d+동)?(?:,?\s?\d+호)?")]
    private static partial Regex KoreanRoadAddress();
}
