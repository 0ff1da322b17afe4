using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>HKID: one or two letters, six digits, mod-11 check digit (10 is written 'A'); a missing first letter counts as 36.</summary>
internal static class HongKongId
{
    /// <summary>Check character for prefix (1–2 upper-case letters) and six digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> letters, ReadOnlySpan<char> digits6)
    {
        var sum = letters.Length == 2 ? ((letters[0] - 'A' + 10) * 9) + ((letters[1] - 'A' + 10) * 8) : (36 * 9) + ((letters[0] - 'A' + 10) * 8);
        for (var i = 0; i < 6; i++)
        {
            sum += (digits6[i] - '0') * (7 - i);
        }
        var check = (11 - (sum % 11)) % 11;
        return check == 10 ? 'A' : (char)('0' + check);
    }

    /// <summary>Validates the compact form (letters, six digits, check) without brackets.</summary>
    public static bool IsValid(ReadOnlySpan<char> compact)
    {
        var letters = compact.Length switch { 8 => 1, 9 => 2, _ => 0 };
        if (letters == 0)
        {
            return false;
        }
        for (var i = 0; i < letters; i++)
        {
            if (!Chars.IsAsciiUpper(compact[i]))
            {
                return false;
            }
        }
        var digits = compact.Slice(letters, 6);
        return DateParts.AllDigits(digits) && CheckCharacter(compact[..letters], digits) == compact[^1];
    }
}
