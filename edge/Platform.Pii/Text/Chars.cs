namespace Platform.Pii.Text;

/// <summary>Character classes used by the hand-written scanners.</summary>
internal static class Chars
{
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiAlnum(char c) => IsAsciiDigit(c) || IsAsciiLetter(c);

    public static bool IsAsciiUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

    /// <summary>Han ideographs (CJK unified, extension A, compatibility).</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF' and not '\u30FB' and not '\u30FC';

    public static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F';

    private const byte WordLetterFlag = 1;
    private const byte UpperLetterFlag = 2;

    // One table load instead of Unicode category lookups: these checks run for nearly every character of a prompt.
    private static readonly byte[] Letters = BuildLetters();

    private static byte[] BuildLetters()
    {
        var table = new byte[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var word = c < '\u0250' ? char.IsLetter(c) : c is >= '\u1E00' and <= '\u1EFF' || (c < '\u0530' && char.IsLetter(c));
            table[i] = (byte)((word ? WordLetterFlag : 0) | (word && char.IsUpper(c) ? UpperLetterFlag : 0));
        }
        return table;
    }

    // Every upper-case letter of the alphabetic scripts is an ASCII capital or lies in this range (see BuildLetters).
    public const char FirstNonAsciiUpper = '\u00C0';
    public const char LastNonAsciiUpper = '\u1EFF';

    /// <summary>Letters of alphabetic scripts (Latin with diacritics, Greek, Cyrillic), where words are space-delimited.</summary>
    public static bool IsWordLetter(char c) => (Letters[c] & WordLetterFlag) != 0;

    /// <summary>An upper-case letter of an alphabetic script (never a CJK character).</summary>
    public static bool IsUpperWordLetter(char c) => (Letters[c] & UpperLetterFlag) != 0;

    public static bool IsCjk(char c) => IsHan(c) || IsKana(c) || IsHangul(c);

    // Invariant lower case of every UTF-16 unit: word hashing lower-cases each letter of a prompt, and the table
    // load is several times cheaper than char.ToLowerInvariant outside ASCII (Vietnamese, German, French text).
    private static readonly char[] LowerCase = BuildLowerCase();

    private static char[] BuildLowerCase()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = char.ToLowerInvariant((char)i);
        }
        return table;
    }

    public static char ToLower(char c) => LowerCase[c];

    // Lower case of every word character (alphabetic letter or ASCII digit) and '\0' for the rest: word hashing reads
    // one table per character instead of a class test and a case mapping.
    private static readonly char[] WordLowerCase = BuildWordLowerCase();

    private static char[] BuildWordLowerCase()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = IsWordLetter(c) || IsAsciiDigit(c) ? LowerCase[i] : '\0';
        }
        return table;
    }

    /// <summary>The lower-case form of a word character (letter of an alphabetic script or ASCII digit), or '\0' for any other.</summary>
    public static char WordCharLower(char c) => WordLowerCase[c];

    public static int DigitValue(char c) => c - '0';
}
