using System.Text.RegularExpressions;
using Platform.Pii.Text;

namespace Platform.Pii.Addresses;

/// <summary>A written date right after a birth-date cue (DOB, 出生日期, geboren am, ngày sinh) or right before 出生.</summary>
internal sealed partial class DateOfBirthDetector
{
    private const int Window = 24;

    public void Detect(ScanContext ctx)
    {
        if (!ctx.Has(CueKind.DobCue))
        {
            return;
        }
        var text = ctx.Text;
        foreach (var hit in ctx.Cues)
        {
            if ((hit.Kinds & CueKind.DobCue) == 0)
            {
                continue;
            }
            var after = Date().Match(text, hit.End, Math.Min(Window, text.Length - hit.End));
            if (after.Success && text.AsSpan(hit.End, after.Index - hit.End).IndexOfAny("。.\n") < 0)
            {
                ctx.Add(PiiTypes.DateOfBirth, after.Index, after.Length);
                continue;
            }
            // "1993年11月8日出生": the date comes first.
            var from = Math.Max(0, hit.Start - Window);
            foreach (Match before in Date().Matches(text[from..hit.Start]))
            {
                if (from + before.Index + before.Length >= hit.Start - 1)
                {
                    ctx.Add(PiiTypes.DateOfBirth, from + before.Index, before.Length);
                }
            }
        }
    }

    [GeneratedRegex(@"(?:民國|民国)\s*\d{2,3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일|(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?!\d)|(?<!\d)\d{1,2}\.?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Januar|Februar|März|Mai|Juni|Juli|Okt|Dez|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|de\s+\w+)\w*\.?\s+(?:de\s+)?\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
