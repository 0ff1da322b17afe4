using System.Numerics;

namespace Platform.Pii.Tests.Identifiers;

/// <summary>
/// Check characters computed straight from each standard's text, written independently of the library, so the
/// property tests compare two implementations rather than one with itself.
/// </summary>
internal static class Reference
{
    public static char PrcCheck(string first17)
    {
        // ISO 7064 MOD 11-2: weight of position i (from the right, check = 1) is 2^(i-1) mod 11.
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * (int)BigInteger.ModPow(2, 17 - i, 11);
        }
        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    public static char NricCheck(char series, string digits7)
    {
        int[] w = [2, 7, 6, 5, 4, 3, 2];
        var sum = digits7.Select((c, i) => (c - '0') * w[i]).Sum() + (series is 'T' or 'G' ? 4 : 0);
        var table = series is 'S' or 'T' ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
        return table[sum % 11];
    }

    public static char HkidCheck(string letters, string digits6)
    {
        var values = (letters.Length == 1 ? " " + letters : letters).Select(c => c == ' ' ? 36 : c - 'A' + 10).Concat(digits6.Select(c => c - '0')).ToArray();
        var sum = values.Select((v, i) => v * (9 - i)).Sum();
        var check = (11 - (sum % 11)) % 11;
        return check == 10 ? 'A' : (char)('0' + check);
    }

    public static char TaiwanCheck(char letter, string digits8)
    {
        const string order = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
        var code = order.IndexOf(letter) + 10;
        var sum = (code / 10) + (code % 10 * 9) + digits8.Select((c, i) => (c - '0') * (8 - i)).Sum();
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static char KoreanCheck(string digits12)
    {
        var sum = digits12.Select((c, i) => (c - '0') * ((i % 8) + 2)).Sum();
        return (char)('0' + ((11 - (sum % 11)) % 10));
    }

    public static char DniLetter(long number) => "TRWAGMYFPDXBNJZSQVHLCKE"[(int)(number % 23)];

    public static string NirKey(string first13) => (97 - (long.Parse(first13) % 97)).ToString("00");

    public static char UsccCheck(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var sum = first17.Select((c, i) => alphabet.IndexOf(c) * (int)BigInteger.ModPow(3, i, 31)).Sum();
        return alphabet[(31 - (sum % 31)) % 31];
    }

    public static char OrgCodeCheck(string first8)
    {
        int[] w = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first8.Select((c, i) => (char.IsDigit(c) ? c - '0' : c - 'A' + 10) * w[i]).Sum();
        var check = 11 - (sum % 11);
        return check == 10 ? 'X' : check == 11 ? '0' : (char)('0' + check);
    }

    public static char LuhnCheck(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[payload.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>ISO 13616 check digits for a country and BBAN.</summary>
    public static string Iban(string country, string bban)
    {
        var rearranged = bban + country + "00";
        var numeric = string.Concat(rearranged.Select(c => char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        var check = 98 - (int)(BigInteger.Parse(numeric) % 97);
        return country + check.ToString("00") + bban;
    }

    public static string SpanishCcc(string bank4, string branch4, string account10)
    {
        int[] w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        char Digit(string ten)
        {
            var d = 11 - (ten.Select((c, i) => (c - '0') * w[i]).Sum() % 11);
            return d == 11 ? '0' : d == 10 ? '1' : (char)('0' + d);
        }
        return $"{bank4}{branch4}{Digit("00" + bank4 + branch4)}{Digit(account10)}{account10}";
    }

    public static string FrenchRib(string bank5, string branch5, string account11)
    {
        var key = 97 - (int)(((89 * BigInteger.Parse(bank5)) + (15 * BigInteger.Parse(branch5)) + (3 * BigInteger.Parse(account11))) % 97);
        return bank5 + branch5 + account11 + key.ToString("00");
    }

    public static char ItalianCin(string abiCabAccount)
    {
        int[] odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
        var sum = 0;
        for (var i = 0; i < abiCabAccount.Length; i++)
        {
            var c = abiCabAccount[i];
            var v = char.IsDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? odd[v] : v;
        }
        return (char)('A' + (sum % 26));
    }
}
