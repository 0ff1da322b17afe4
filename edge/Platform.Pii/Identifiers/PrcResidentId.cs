using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>PRC resident identity number, GB 11643-1999: region code, birth date, sequence, ISO 7064 MOD 11-2 check.</summary>
internal sealed class PrcResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    private readonly HashSet<int> _regions;

    public PrcResidentId(IEnumerable<string> regionCodes)
    {
        _regions = [.. regionCodes.Select(int.Parse)];
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    public bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length != 18 || !DateParts.AllDigits(id[..17]) || !(Chars.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'))
        {
            return false;
        }
        return char.ToUpperInvariant(id[17]) == CheckCharacter(id)
            && _regions.Contains(DateParts.Number(id[..6]))
            && DateParts.IsBirthDate(DateParts.Number(id[6..10]), DateParts.Number(id[10..12]), DateParts.Number(id[12..14]));
    }
}
