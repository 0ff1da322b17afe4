using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>Taiwan national ID: area letter (two-digit code), sex digit 1/2, seven digits, check digit; weighted sum mod 10.</summary>
internal static class TaiwanId
{
    // Area letter codes A..Z; I, O, W, X, Y, Z were added later and so sit out of alphabetical order.
    private static readonly int[] LetterCodes = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];

    public static char CheckDigit(char letter, ReadOnlySpan<char> digits8)
    {
        var code = LetterCodes[letter - 'A'];
        var sum = (code / 10) + (code % 10 * 9);
        for (var i = 0; i < 8; i++)
        {
            sum += (digits8[i] - '0') * (8 - i);
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length == 10
        && Chars.IsAsciiUpper(id[0])
        && id[1] is '1' or '2'
        && DateParts.AllDigits(id[1..])
        && CheckDigit(id[0], id[1..9]) == id[9];
}
