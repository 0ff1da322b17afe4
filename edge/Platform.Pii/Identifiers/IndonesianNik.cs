namespace Platform.Pii.Identifiers;

/// <summary>Indonesian NIK, 16 digits: province, regency, district, birth day (+40 for women), month, year, serial. No checksum exists.</summary>
internal sealed class IndonesianNik(IEnumerable<string> provinceCodes)
{
    private readonly HashSet<int> _provinces = [.. provinceCodes.Select(int.Parse)];

    public bool IsValid(ReadOnlySpan<char> digits16)
    {
        if (digits16.Length != 16 || !DateParts.AllDigits(digits16) || !_provinces.Contains(DateParts.Number(digits16[..2])))
        {
            return false;
        }
        var day = DateParts.Number(digits16[6..8]);
        if (day > 40)
        {
            day -= 40;
        }
        var month = DateParts.Number(digits16[8..10]);
        var yy = DateParts.Number(digits16[10..12]);
        var dateOk = DateParts.IsBirthDate(2000 + yy, month, day) || DateParts.IsBirthDate(1900 + yy, month, day);
        return dateOk && DateParts.Number(digits16[2..4]) > 0 && DateParts.Number(digits16[12..]) > 0;
    }
}
