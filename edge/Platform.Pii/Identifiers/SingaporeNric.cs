using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>Singapore NRIC/FIN (S, T, F, G series): weights 2 7 6 5 4 3 2, offset 4 for T/G, letter tables per series.</summary>
internal static class SingaporeNric
{
    private static readonly int[] Weights = [2, 7, 6, 5, 4, 3, 2];
    private const string CitizenLetters = "JZIHGFEDCBA";
    private const string ForeignerLetters = "XWUTRQPNMLK";

    public static char CheckLetter(char series, ReadOnlySpan<char> digits7)
    {
        var sum = series is 'T' or 'G' ? 4 : 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (digits7[i] - '0') * Weights[i];
        }
        return (series is 'S' or 'T' ? CitizenLetters : ForeignerLetters)[sum % 11];
    }

    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.Length == 9
        && id[0] is 'S' or 'T' or 'F' or 'G'
        && DateParts.AllDigits(id[1..8])
        && Chars.IsAsciiUpper(id[8])
        && CheckLetter(id[0], id[1..8]) == id[8];
}
