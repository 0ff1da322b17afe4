using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>
/// Identifiers that mix letters and digits (NRIC/FIN, HKID, Taiwan ID, DNI/NIE, USCC, IBAN, PRC IDs ending in X),
/// validated by checksum; then cue-driven codes without a checksum (passports, staff numbers, IM handles).
/// </summary>
internal sealed class AlphanumericDetector(IdentifierTables tables)
{
    private const int MaxIban = 34;

    public void Detect(ScanContext ctx)
    {
        var text = ctx.Text;
        var digits = new CharRangeScanner(text, '0', '9');
        var i = 0;
        while (i < text.Length)
        {
            var digit = digits.Next(i);
            if (digit < 0)
            {
                break;
            }
            // Walk back to the start of the token that holds this digit.
            var start = digit;
            while (start > i && Chars.IsAsciiAlnum(text[start - 1]))
            {
                start--;
            }
            if (start > 0 && Chars.IsAsciiAlnum(text[start - 1]))
            {
                start = digit;
            }
            var end = start;
            while (end < text.Length && Chars.IsAsciiAlnum(text[end]))
            {
                end++;
            }
            CheckToken(ctx, start, end);
            i = Math.Max(end, digit + 1);
        }
        DetectCueDriven(ctx);
    }

    private void CheckToken(ScanContext ctx, int start, int end)
    {
        var text = ctx.Text;
        var token = text.AsSpan(start, end - start);
        if (!token.ContainsAnyInRange('A', 'Z') && !token.ContainsAnyInRange('a', 'z'))
        {
            return; // all-digit runs belong to the number scanner
        }
        switch (token.Length)
        {
            case 9 when SingaporeNric.IsValid(token):
                ctx.Add(PiiTypes.SgNric, start, token.Length);
                return;
            case 9 when SpanishId.IsValid(token):
                ctx.Add(PiiTypes.EsDni, start, token.Length);
                return;
            case 10 when TaiwanId.IsValid(token):
                ctx.Add(PiiTypes.TwId, start, token.Length);
                return;
            case 18 when tables.PrcId.IsValid(token):
                ctx.Add(PiiTypes.PrcId, start, token.Length);
                return;
            case 18 when Uscc.IsValid(token):
                // Enterprise codes (91…) identify organisations, not people.
                if (Uscc.IsIndividualBusiness(token))
                {
                    ctx.Add(PiiTypes.Uscc, start, token.Length);
                }
                return;
        }
        if (TryHongKongId(text, start, end, out var hkLength))
        {
            ctx.Add(PiiTypes.HkId, start, hkLength);
            return;
        }
        TryIban(ctx, start);
    }

    // "A123456(7)", "A1234567", "WX629516(7)".
    private static bool TryHongKongId(string text, int start, int end, out int length)
    {
        length = 0;
        var token = text.AsSpan(start, end - start);
        var letters = token.Length > 1 && Chars.IsAsciiUpper(token[1]) ? 2 : 1;
        if (!Chars.IsAsciiUpper(token[0]))
        {
            return false;
        }
        Span<char> compact = stackalloc char[9];
        // "A123456(7)" or "A123456 (7)".
        var open = end < text.Length && text[end] == ' ' ? end + 1 : end;
        if (token.Length == letters + 6 && open + 2 < text.Length && text[open] is '(' or '（' && text[open + 2] is ')' or '）')
        {
            token.CopyTo(compact);
            compact[token.Length] = text[open + 1];
            length = open + 3 - start;
            return HongKongId.IsValid(compact[..(token.Length + 1)]);
        }
        length = token.Length;
        return token.Length == letters + 7 && HongKongId.IsValid(token);
    }

    // Compact or paper format ("FR76 3000 6000 …"): gather groups until the country's IBAN length.
    private void TryIban(ScanContext ctx, int start)
    {
        var text = ctx.Text;
        if (start + 4 > text.Length || !Chars.IsAsciiUpper(text[start]) || !Chars.IsAsciiUpper(text[start + 1]) || !Chars.IsAsciiDigit(text[start + 2]) || !Chars.IsAsciiDigit(text[start + 3]))
        {
            return;
        }
        var expected = tables.Iban.LengthOf(text.AsSpan(start, 2));
        if (expected == 0)
        {
            return;
        }
        Span<char> compact = stackalloc char[MaxIban];
        var n = 0;
        var i = start;
        while (i < text.Length && n < expected)
        {
            var c = text[i];
            if (Chars.IsAsciiAlnum(c))
            {
                compact[n++] = char.ToUpperInvariant(c);
                i++;
            }
            else if (c == ' ' && i + 1 < text.Length && Chars.IsAsciiAlnum(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        if (n == expected && (i >= text.Length || !Chars.IsAsciiAlnum(text[i])) && tables.Iban.IsValid(compact[..n]))
        {
            ctx.Add(PiiTypes.Iban, start, i - start);
        }
    }

    private static void DetectCueDriven(ScanContext ctx)
    {
        foreach (var hit in ctx.Cues)
        {
            if ((hit.Kinds & CueKind.PassportCue) != 0)
            {
                AddNextCode(ctx, hit.End, PiiTypes.Passport, minLength: 6, maxLength: 10, allowDash: false);
            }
            else if ((hit.Kinds & CueKind.EmployeeCue) != 0)
            {
                AddNextCode(ctx, hit.End, PiiTypes.EmployeeId, minLength: 3, maxLength: 20, allowDash: true);
            }
            else if ((hit.Kinds & CueKind.ImCue) != 0)
            {
                AddHandle(ctx, hit.End);
            }
        }
    }

    // The first code after the cue on the same clause: upper-case letters and digits, at least one digit.
    private static void AddNextCode(ScanContext ctx, int from, string type, int minLength, int maxLength, bool allowDash)
    {
        var text = ctx.Text;
        var limit = Math.Min(text.Length, from + 24);
        var i = from;
        while (i < limit)
        {
            var c = text[i];
            if (c is '，' or '。' or ',' or ';' or '；' or '\n' or '、')
            {
                return;
            }
            if (!Chars.IsAsciiAlnum(c))
            {
                i++;
                continue;
            }
            var end = i;
            var hasDigit = false;
            var hasLower = false;
            while (end < text.Length && (Chars.IsAsciiAlnum(text[end]) || (allowDash && text[end] == '-' && end + 1 < text.Length && Chars.IsAsciiAlnum(text[end + 1]))))
            {
                hasDigit |= Chars.IsAsciiDigit(text[end]);
                hasLower |= text[end] is >= 'a' and <= 'z';
                end++;
            }
            if (hasDigit && !hasLower && end - i >= minLength && end - i <= maxLength)
            {
                ctx.Add(type, i, end - i);
                return;
            }
            i = end;
        }
    }

    private static void AddHandle(ScanContext ctx, int from)
    {
        var text = ctx.Text;
        var i = from;
        while (i < text.Length && i - from < 6 && text[i] is ' ' or ':' or '：' or '号' or '號' or '=' or 'I' or 'D')
        {
            i++;
        }
        if (i >= text.Length || !Chars.IsAsciiLetter(text[i]))
        {
            return;
        }
        var end = i;
        while (end < text.Length && (Chars.IsAsciiAlnum(text[end]) || text[end] is '_' or '-' || (text[end] == '.' && end + 1 < text.Length && Chars.IsAsciiAlnum(text[end + 1]))))
        {
            end++;
        }
        if (end - i is >= 5 and <= 30 && (end >= text.Length || text[end] != '@'))
        {
            ctx.Add(PiiTypes.ImHandle, i, end - i);
        }
    }
}
