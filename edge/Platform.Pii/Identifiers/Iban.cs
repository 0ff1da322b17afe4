using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>
/// IBAN (ISO 13616): per-country BBAN structure from the SWIFT registry, mod-97 = 1, and the national
/// check where one exists (ES CCC digits, FR RIB key, NL 11-proof, IT CIN letter).
/// </summary>
internal sealed class Iban
{
    private readonly Dictionary<string, string> _bbanPatterns;

    /// <param name="formats">Lines "CC 8!n10!n" (registry notation: n digits, a upper-case letters, c alphanumerics).</param>
    public Iban(IEnumerable<string> formats)
    {
        _bbanPatterns = [];
        foreach (var line in formats)
        {
            var parts = line.Split(' ', 2);
            _bbanPatterns[parts[0]] = Expand(parts[1]);
        }
    }

    /// <summary>Total IBAN length for a country, or 0 when the country has no IBAN.</summary>
    public int LengthOf(ReadOnlySpan<char> country) =>
        _bbanPatterns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(country, out var p) ? p.Length + 4 : 0;

    /// <summary>Validates the compact (space-free, upper-case) IBAN.</summary>
    public bool IsValid(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5 || !_bbanPatterns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(iban[..2], out var pattern))
        {
            return false;
        }
        var bban = iban[4..];
        if (bban.Length != pattern.Length || !Chars.IsAsciiDigit(iban[2]) || !Chars.IsAsciiDigit(iban[3]))
        {
            return false;
        }
        for (var i = 0; i < bban.Length; i++)
        {
            var ok = pattern[i] switch
            {
                'n' => Chars.IsAsciiDigit(bban[i]),
                'a' => Chars.IsAsciiUpper(bban[i]),
                _ => Chars.IsAsciiDigit(bban[i]) || Chars.IsAsciiUpper(bban[i]),
            };
            if (!ok)
            {
                return false;
            }
        }
        return Mod97(iban) == 1 && NationalCheck(iban[..2], bban);
    }

    /// <summary>ISO 7064 mod 97-10 over the rearranged IBAN (country and check digits moved to the end, letters as 10–35).</summary>
    public static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            remainder = Chars.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    private static bool NationalCheck(ReadOnlySpan<char> country, ReadOnlySpan<char> bban) => country switch
    {
        "ES" => SpanishCcc(bban),
        "FR" => FrenchRibKey(bban),
        "NL" => DutchElevenProof(bban[4..]),
        "IT" => ItalianCin(bban[1..]) == bban[0],
        _ => true,
    };

    private static readonly int[] CccWeights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];

    /// <summary>Spanish CCC: bank(4) branch(4) control(2) account(10); each control digit is a weighted mod-11 over its part.</summary>
    public static bool SpanishCcc(ReadOnlySpan<char> bban)
    {
        Span<char> bankBranch = stackalloc char[10];
        "00".CopyTo(bankBranch);
        bban[..8].CopyTo(bankBranch[2..]);
        return CccDigit(bankBranch) == bban[8] && CccDigit(bban[10..20]) == bban[9];
    }

    public static char CccDigit(ReadOnlySpan<char> ten)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (ten[i] - '0') * CccWeights[i];
        }
        var d = 11 - (sum % 11);
        return d switch { 11 => '0', 10 => '1', _ => (char)('0' + d) };
    }

    /// <summary>French RIB key: bank(5) branch(5) account(11, letters mapped) key(2); key = 97 − ((89·bank + 15·branch + 3·account) mod 97).</summary>
    public static bool FrenchRibKey(ReadOnlySpan<char> bban) => RibKey(bban[..21]) == DateParts.Number(bban[21..23]);

    public static int RibKey(ReadOnlySpan<char> bankBranchAccount)
    {
        long bank = 0, branch = 0, account = 0;
        for (var i = 0; i < 21; i++)
        {
            var c = bankBranchAccount[i];
            var v = Chars.IsAsciiDigit(c) ? c - '0' : RibLetter(c);
            if (i < 5)
            {
                bank = (bank * 10) + v;
            }
            else if (i < 10)
            {
                branch = (branch * 10) + v;
            }
            else
            {
                account = (account * 10) + v;
            }
        }
        return (int)(97 - (((89 * bank) + (15 * branch) + (3 * account)) % 97));
    }

    // A,J→1 B,K,S→2 … I,R,Z→9: the historic RIB letter transcription.
    private static int RibLetter(char c)
    {
        var v = c - 'A';
        return (v < 9 ? v : v < 18 ? v - 9 : v - 17) + 1;
    }

    /// <summary>Dutch account 11-proof: Σ digit·(10 − i) ≡ 0 (mod 11).</summary>
    public static bool DutchElevenProof(ReadOnlySpan<char> account10)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (account10[i] - '0') * (10 - i);
        }
        return sum % 11 == 0;
    }

    // CIN odd-position values for 0–9 / A–Z (same table for the digit and the letter with equal index).
    private static readonly int[] CinOdd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>Italian CIN letter over ABI(5) CAB(5) account(12).</summary>
    public static char ItalianCin(ReadOnlySpan<char> abiCabAccount)
    {
        var sum = 0;
        for (var i = 0; i < 22; i++)
        {
            var c = abiCabAccount[i];
            var index = Chars.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? CinOdd[index] : index;
        }
        return (char)('A' + (sum % 26));
    }

    private static string Expand(string registry)
    {
        var result = new System.Text.StringBuilder();
        var count = 0;
        foreach (var c in registry)
        {
            if (Chars.IsAsciiDigit(c))
            {
                count = (count * 10) + (c - '0');
            }
            else if (c is 'n' or 'a' or 'c' or 'e')
            {
                result.Append(c == 'e' ? 'c' : c, count);
                count = 0;
            }
        }
        return result.ToString();
    }
}
