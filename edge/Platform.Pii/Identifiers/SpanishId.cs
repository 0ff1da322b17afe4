using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): mod-23 control letter.</summary>
internal static class SpanishId
{
    private const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";

    public static char ControlLetter(int number) => Letters[number % 23];

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.Length != 9 || !Chars.IsAsciiUpper(id[8]))
        {
            return false;
        }
        var lead = id[0] switch { 'X' => 0, 'Y' => 1, 'Z' => 2, >= '0' and <= '9' => id[0] - '0', _ => -1 };
        if (lead < 0 || !DateParts.AllDigits(id[1..8]))
        {
            return false;
        }
        return ControlLetter((lead * 10_000_000) + DateParts.Number(id[1..8])) == id[8];
    }
}
