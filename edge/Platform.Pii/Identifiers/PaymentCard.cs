namespace Platform.Pii.Identifiers;

/// <summary>Payment card numbers: Luhn plus issuer prefix and length per brand.</summary>
internal static class PaymentCard
{
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    public static char LuhnCheckDigit(ReadOnlySpan<char> payload)
    {
        Span<char> buffer = stackalloc char[payload.Length + 1];
        payload.CopyTo(buffer);
        for (var d = '0'; d <= '9'; d++)
        {
            buffer[^1] = d;
            if (Luhn(buffer))
            {
                return d;
            }
        }
        throw new InvalidOperationException("Unreachable: one Luhn digit always fits.");
    }

    /// <summary>Is the prefix/length combination one that a card brand issues (Visa, Mastercard, Amex, JCB, UnionPay, Discover, Diners)?</summary>
    public static bool HasBrandPrefix(ReadOnlySpan<char> d)
    {
        var n = d.Length;
        if (n < 13)
        {
            return false;
        }
        var p2 = DateParts.Number(d[..2]);
        var p4 = DateParts.Number(d[..4]);
        return d[0] switch
        {
            '4' => n is 13 or 16 or 19,
            '5' => p2 is >= 51 and <= 55 && n == 16,
            '2' => p4 is >= 2221 and <= 2720 && n == 16,
            '3' => (p2 is 34 or 37 && n == 15) || (p4 is >= 3528 and <= 3589 && n is >= 16 and <= 19) || ((p2 is 36 or 38 or 39 || DateParts.Number(d[..3]) is >= 300 and <= 305) && n is >= 14 and <= 16),
            '6' => (p2 == 62 && n is >= 16 and <= 19) || ((p4 == 6011 || p2 == 65 || DateParts.Number(d[..3]) is >= 644 and <= 649) && n is >= 16 and <= 19),
            _ => false,
        };
    }

    public static bool IsValid(ReadOnlySpan<char> digits) => HasBrandPrefix(digits) && Luhn(digits);
}
