using System.Buffers;

namespace Platform.Pii.Identifiers;

/// <summary>
/// Unified social credit code, GB 32100-2015: 18 characters, mod-31 check, with a GB 11714 organisation
/// code (8 characters + mod-11 check) at positions 9–17.
/// </summary>
internal static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public static char OrganisationCheck(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            sum += (c <= '9' ? c - '0' : c - 'A' + 10) * OrgWeights[i];
        }
        var check = 11 - (sum % 11);
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != 18 || code.IndexOfAnyExcept(AlphabetChars) >= 0 || !DateParts.AllDigits(code[2..8]))
        {
            return false;
        }
        return CheckCharacter(code) == code[17] && OrganisationCheck(code[8..16]) == code[16];
    }

    /// <summary>Registered by market regulation (9) as an individual business (2): the operator is a natural person.</summary>
    public static bool IsIndividualBusiness(ReadOnlySpan<char> code) => code.StartsWith("92");
}
