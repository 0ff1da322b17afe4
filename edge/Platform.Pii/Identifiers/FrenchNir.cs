namespace Platform.Pii.Identifiers;

/// <summary>French social security number (NIR): sex, YY, MM, department, commune, order, key = 97 − (first 13 mod 97).</summary>
internal static class FrenchNir
{
    public static int Key(ReadOnlySpan<char> first13) => 97 - (int)(long.Parse(first13) % 97);

    public static bool IsValid(ReadOnlySpan<char> digits15)
    {
        if (digits15.Length != 15 || !DateParts.AllDigits(digits15) || digits15[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }
        var month = DateParts.Number(digits15[3..5]);
        var monthOk = month is >= 1 and <= 12 or 20 or >= 30 and <= 42 or >= 50 and <= 99;
        return monthOk && Key(digits15[..13]) == DateParts.Number(digits15[13..]);
    }
}
