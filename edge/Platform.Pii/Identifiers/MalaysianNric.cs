namespace Platform.Pii.Identifiers;

/// <summary>MyKad number YYMMDD-PB-####: a real date and a registered place-of-birth code (there is no checksum).</summary>
internal sealed class MalaysianNric(IEnumerable<string> birthPlaceCodes)
{
    private readonly HashSet<int> _places = [.. birthPlaceCodes.Select(int.Parse)];

    /// <summary>Validates the 12 digits without dashes. The century is not encoded, so either is accepted.</summary>
    public bool IsValid(ReadOnlySpan<char> digits12)
    {
        if (digits12.Length != 12 || !DateParts.AllDigits(digits12) || !_places.Contains(DateParts.Number(digits12[6..8])))
        {
            return false;
        }
        var yy = DateParts.Number(digits12[..2]);
        var month = DateParts.Number(digits12[2..4]);
        var day = DateParts.Number(digits12[4..6]);
        return DateParts.IsBirthDate(2000 + yy, month, day) || DateParts.IsBirthDate(1900 + yy, month, day);
    }
}
