namespace Platform.Pii.Identifiers;

/// <summary>Vietnamese citizen ID (CCCD), 12 digits: province code, sex/century digit, birth year, serial. No checksum exists.</summary>
internal sealed class VietnamCccd(IEnumerable<string> provinceCodes)
{
    private readonly HashSet<int> _provinces = [.. provinceCodes.Select(int.Parse)];

    public bool IsValid(ReadOnlySpan<char> digits12)
    {
        if (digits12.Length != 12 || !DateParts.AllDigits(digits12) || !_provinces.Contains(DateParts.Number(digits12[..3])))
        {
            return false;
        }
        // 0/1: born 1900–1999 (male/female), 2/3: 2000–2099.
        var centuryDigit = digits12[3] - '0';
        if (centuryDigit > 3)
        {
            return false;
        }
        var year = (centuryDigit < 2 ? 1900 : 2000) + DateParts.Number(digits12[4..6]);
        return year <= DateTime.UtcNow.Year;
    }
}
