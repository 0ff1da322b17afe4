using Platform.Pii.Text;

namespace Platform.Pii.Sensitive;

/// <summary>
/// Special-category terms (health, religion, orientation, union membership, genetics) from the lexicon, including
/// CJK condition suffixes (…炎, …癌, …障碍) and Latin drug/condition word endings (…pril, …itis), reported only when the
/// prompt is about someone: a first-person or family cue, a named or identified person. Generic content is not.
/// </summary>
internal sealed partial class SensitiveDetector
{
    private const CueKind Personal = CueKind.FirstPerson | CueKind.ThirdPerson | CueKind.ChildCue;
    private const int MaxCjkStem = 6;

    // A Latin word ending (…itis, …pril) shorter than this is an ordinary word ("spine", "apply").
    private const int MinSuffixWord = 7;

    // Chars at which the leftward walk from a CJK condition suffix stops: verbs, particles, pronouns.
    private const string CjkStops = "的了是有患得在和与與及或因为為我你他她它们們诊診断斷确確说說吃做行被对對把将將让讓要会會都也还還又很最刚剛已就说后後前上下中从從到给給个個这這那每";

    public void Detect(ScanContext ctx)
    {
        if (!IsAboutSomeone(ctx))
        {
            return;
        }
        foreach (var hit in ctx.Cues)
        {
            if ((hit.Kinds & CueKind.Health) != 0)
            {
                AddHealth(ctx, hit);
            }
            else if ((hit.Kinds & CueKind.Religion) != 0)
            {
                ctx.Add(PiiTypes.Religion, hit.Start, hit.Length);
            }
            else if ((hit.Kinds & CueKind.SexualOrientation) != 0)
            {
                ctx.Add(PiiTypes.SexualOrientation, hit.Start, hit.Length);
            }
            else if ((hit.Kinds & CueKind.TradeUnion) != 0)
            {
                ctx.Add(PiiTypes.TradeUnion, hit.Start, hit.Length);
            }
            else if ((hit.Kinds & CueKind.Genetic) != 0)
            {
                ctx.Add(PiiTypes.Genetic, hit.Start, ExtendToClauseEnd(ctx.Text, hit.End, 24) - hit.Start);
            }
        }
        AddNamedUnionMembership(ctx);
    }

    // "a member of the RMT union", "member of the Teamsters Union": a named union the lexicon cannot list in full.
    // Political and economic unions (European, African, Soviet, credit) are not trade unions.
    private static void AddNamedUnionMembership(ScanContext ctx)
    {
        foreach (var match in NamedUnionMember().EnumerateMatches(ctx.Text))
        {
            ctx.Add(PiiTypes.TradeUnion, match.Index, match.Length);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}])members?(?:hip)?\s+(?:of|in)\s+(?:the\s+)?(?!European|African|Soviet|Eurasian|Postal|credit|Credit)[A-Z][\p{L}&.\-]*(?:\s+[A-Z][\p{L}&.\-]*){0,2}\s+[Uu]nion(?![\p{L}])")]
    private static partial System.Text.RegularExpressions.Regex NamedUnionMember();

    private static bool IsAboutSomeone(ScanContext ctx)
    {
        var personal = ctx.Has(Personal) || ctx.Findings.Count > 0;
        // "I'm preparing a handout on metformin" is about nobody: generic framing wins unless someone specific is named.
        return personal && !(ctx.Has(CueKind.Generic) && ctx.Findings.Count == 0 && !ctx.Has(CueKind.ThirdPerson | CueKind.ChildCue));
    }

    private static void AddHealth(ScanContext ctx, CueHit hit)
    {
        var text = ctx.Text;
        var start = hit.Start;
        if ((hit.Kinds & CueKind.Suffix) != 0 && Chars.IsWordLetter(text[start]))
        {
            // "hypothyroidism" from -ism(o), "beta-blocker" style compounds included: the whole word is the term.
            while (start > 0 && (Chars.IsWordLetter(text[start - 1]) || (text[start - 1] == '-' && start > 1 && Chars.IsWordLetter(text[start - 2]))))
            {
                start--;
            }
            if (hit.End - start >= MinSuffixWord)
            {
                ctx.Add(PiiTypes.Health, start, hit.End - start);
            }
            return;
        }
        // A condition suffix (炎, 障碍, 장애) takes the CJK stem before it: 潰瘍性大腸炎, 注意力缺陷多动障碍, 공황장애.
        if ((hit.Kinds & CueKind.Suffix) != 0)
        {
            var hangul = Chars.IsHangul(text[start]);
            while (start > 0 && hit.Start - start < MaxCjkStem && !ctx.Overlaps(start - 1, 1)
                && (hangul ? Chars.IsHangul(text[start - 1]) : Chars.IsHan(text[start - 1]) && !CjkStops.Contains(text[start - 1])))
            {
                start--;
            }
        }
        ctx.Add(PiiTypes.Health, start, hit.End - start);
    }

    private static int ExtendToClauseEnd(string text, int from, int max)
    {
        var end = from;
        while (end < text.Length && end - from < max && text[end] is not ('，' or '。' or ',' or '.' or '?' or '？' or '!' or '！' or '\n' or '、' or ';' or '；'))
        {
            end++;
        }
        while (end > from && text[end - 1] == ' ')
        {
            end--;
        }
        return end;
    }
}
