using System.Buffers;
using Platform.Pii.Phones;
using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>
/// Finds purely numeric identifiers in one pass: checksummed ones (resident IDs, cards, RRN, NIR, MyKad) first,
/// then cue-driven ones (bank accounts, structure-only IDs) and finally phone numbers by number plan.
/// </summary>
internal sealed class NumberDetector(IdentifierTables tables)
{
    private const int CueWindow = 30;
    private const int MinDigits = 6; // no identifier, account or phone number is shorter
    // ASCII only, so the search is vectorised; a full-width "（" is picked up from the digit or '+' after it.
    private static readonly SearchValues<char> RunStarts = SearchValues.Create("0123456789+(");
    private const CueKind DecidingCues = CueKind.BankCue | CueKind.PhoneCue | CueKind.NationalIdCue | CueKind.NotPersonalNumber | CueKind.PassportCue | CueKind.EmployeeCue;

    public void Detect(ScanContext ctx)
    {
        var text = ctx.Text;
        Span<char> digits = stackalloc char[DigitRun.MaxDigits];
        var p = 0;
        while (p < text.Length)
        {
            var k = text.AsSpan(p).IndexOfAny(RunStarts);
            if (k < 0)
            {
                break;
            }
            // Only a paren not yet passed over: after a failed parse at it the search resumes at the digit behind it.
            if (k > 0 && text[p + k - 1] == '（')
            {
                k--;
            }
            p += k;
            var next = DigitRun.Parse(text, p, digits, out var run);
            if (run.DigitCount >= MinDigits)
            {
                Evaluate(ctx, run, digits[..run.DigitCount]);
            }
            p = Math.Max(next, p + 1);
        }
    }

    private void Evaluate(ScanContext ctx, in DigitRun run, ReadOnlySpan<char> d)
    {
        if (run.Plus || run.Paren)
        {
            // "(852) 6628 5663" is international too; "(617) 555-0127" falls through to the national plans.
            if (tables.Phones.MatchInternational(d) is { } m)
            {
                // A company's switchboard stays a company's, even in +cc form ("customer service +65 6123 4567").
                if (!m.Hotline && !ctx.CueBefore(run.Start, CueKind.NotPersonalNumber, 20))
                {
                    ctx.Add(m.PiiType, run.Start, run.Length);
                }
                return;
            }
            if (run.Plus)
            {
                return;
            }
        }
        if (TryChecksummed(ctx, run, d) is { } type)
        {
            ctx.Add(type, run.Start, run.Length);
            return;
        }
        var cue = ctx.LastCueBefore(run.Start, DecidingCues, CueWindow)?.Kinds ?? CueKind.None;
        var negative = (cue & CueKind.NotPersonalNumber) != 0
            || ctx.CueAfter(run.End, CueKind.NotPersonalNumber, 8)
            || ctx.CueBefore(run.Start, CueKind.NotPersonalNumber, 12);
        if (negative || (cue & (CueKind.PassportCue | CueKind.EmployeeCue)) != 0)
        {
            return;
        }
        var contiguous = run.Groups == 1;
        if ((cue & CueKind.NationalIdCue) != 0 && contiguous && StructuralId(d) is { } idType)
        {
            ctx.Add(idType, run.Start, run.Length);
            return;
        }
        if ((cue & CueKind.BankCue) != 0 && d.Length is >= 6 and <= 19)
        {
            ctx.Add(ctx.Locale == "zh-Hans" ? PiiTypes.BankAccountCn : PiiTypes.BankAccount, run.Start, run.Length);
            return;
        }
        if (MatchPhone(ctx, run, d, (cue & CueKind.PhoneCue) != 0) is { } phone)
        {
            ctx.Add(phone.PiiType, run.Start, run.Length);
            return;
        }
        // Structure-only IDs without a cue: only in the language of the issuing country.
        if (contiguous && StructuralId(d) is { } localId && IsHomeLocale(localId, ctx.Locale))
        {
            ctx.Add(localId, run.Start, run.Length);
        }
    }

    private string? TryChecksummed(ScanContext ctx, in DigitRun run, ReadOnlySpan<char> d)
    {
        var n = d.Length;
        if (n == 18 && tables.PrcId.IsValid(d))
        {
            return PiiTypes.PrcId;
        }
        if (n is >= 13 and <= 19 && PaymentCard.IsValid(d) && !ctx.CueBefore(run.Start, CueKind.NotPersonalNumber, 20))
        {
            var debit = d.StartsWith("62") && !ctx.CueBefore(run.Start, CueKind.CreditCardCue, CueWindow);
            return debit ? PiiTypes.BankAccountCn : PiiTypes.CreditCard;
        }
        if (n == 13 && run.Groups == 2 && run.GroupLength(0) == 6 && KoreanRrn.IsValid(d))
        {
            return PiiTypes.KrRrn;
        }
        if (n == 15 && FrenchNir.IsValid(d))
        {
            return PiiTypes.FrNir;
        }
        if (n == 12 && run.Groups == 3 && run.GroupLength(0) == 6 && run.GroupLength(1) == 2 && tables.MyNric.IsValid(d))
        {
            return PiiTypes.MyNric;
        }
        return null;
    }

    private string? StructuralId(ReadOnlySpan<char> d) => d.Length switch
    {
        16 when tables.IdNik.IsValid(d) => PiiTypes.IdNik,
        12 when tables.VnCccd.IsValid(d) => PiiTypes.VnCccd,
        12 when tables.MyNric.IsValid(d) => PiiTypes.MyNric,
        13 when KoreanRrn.IsValid(d) => PiiTypes.KrRrn,
        _ => null,
    };

    private static bool IsHomeLocale(string type, string locale) => (type, locale) switch
    {
        (PiiTypes.IdNik, "id") => true,
        (PiiTypes.VnCccd, "vi") => true,
        (PiiTypes.MyNric, "ms") => true,
        (PiiTypes.KrRrn, "ko") => true,
        _ => false,
    };

    private PhoneMatch? MatchPhone(ScanContext ctx, in DigitRun run, ReadOnlySpan<char> d, bool phoneCue)
    {
        var plans = tables.Phones;
        var grouped = run.Groups > 1;
        var home = RegionPreference.For(ctx.Locale);
        if (plans.IsHotline(d, home))
        {
            return null;
        }
        // Fixed lines only for the prompt's own countries; any country's mobile plan once the number is formatted or cued.
        var match = plans.MatchNational(d, home, allowFixed: phoneCue);
        if (match is null && (phoneCue || grouped))
        {
            match = plans.MatchNational(d, plans.AllRegions, allowFixed: false);
        }
        if (match is not { Hotline: false } m)
        {
            return null;
        }
        // Mainland mobiles are grouped 3-4-4; "1800 339 6621" is a hotline layout, not a 180… mobile.
        if (m.Region == "CN" && grouped && run.GroupLength(0) != 3)
        {
            return null;
        }
        // Without a cue, a bare short number is too often something else; lean to PII once it looks like a phone.
        return phoneCue || grouped || d.Length >= 10 ? m : null;
    }
}
