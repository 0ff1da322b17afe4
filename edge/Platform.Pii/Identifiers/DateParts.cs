namespace Platform.Pii.Identifiers;

/// <summary>Digit-field helpers shared by the identifier validators.</summary>
internal static class DateParts
{
    public static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }
        return n;
    }

    public static bool AllDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');

    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1800 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>A birth date is valid and not in the future.</summary>
    public static bool IsBirthDate(int year, int month, int day) =>
        IsValidDate(year, month, day) && new DateTime(year, month, day) <= DateTime.UtcNow.Date;
}
