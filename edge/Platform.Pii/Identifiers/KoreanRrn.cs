namespace Platform.Pii.Identifiers;

/// <summary>Korean resident registration number YYMMDD-SXXXXXC (pre-2020 mod-11 check, century from S).</summary>
internal static class KoreanRrn
{
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    public static char CheckDigit(ReadOnlySpan<char> first12)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (first12[i] - '0') * Weights[i];
        }
        return (char)('0' + ((11 - (sum % 11)) % 10));
    }

    /// <summary>Validates the 13 digits without the dash.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits13)
    {
        if (digits13.Length != 13 || !DateParts.AllDigits(digits13))
        {
            return false;
        }
        var century = digits13[6] switch
        {
            '1' or '2' or '5' or '6' => 1900,
            '3' or '4' or '7' or '8' => 2000,
            '9' or '0' => 1800,
            _ => 0,
        };
        return DateParts.IsBirthDate(century + DateParts.Number(digits13[..2]), DateParts.Number(digits13[2..4]), DateParts.Number(digits13[4..6]))
            && CheckDigit(digits13) == digits13[12];
    }
}
