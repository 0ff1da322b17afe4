using System.Text;

namespace Platform.GpuPools.Simulator.Generation;

/// <summary>
/// A tokenizer-free approximation of token counts, close enough for usage, metrics and billing in tests:
/// a CJK character is 1 token, a run of letters/digits (a word) is 1.3 tokens (rounded up over the text),
/// any other non-space character (punctuation, emoji) is 1 token, whitespace is free. Each chat message
/// adds <see cref="PerMessageOverhead"/> tokens for the chat template's role markers.
/// </summary>
internal static class TokenCounter
{
    public const int PerMessageOverhead = 3;

    public static int Count(string text)
    {
        int cjk = 0, words = 0, symbols = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                cjk++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                words += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                inWord = false;
                symbols += Rune.IsWhiteSpace(rune) ? 0 : 1;
            }
        }

        // 1.3 per word in integers, so 10 words are exactly 13 tokens.
        return cjk + symbols + (words * 13 + 9) / 10;
    }

    public static int CountPrompt(IReadOnlyList<(string Role, string Text)> messages) =>
        messages.Sum(m => Count(m.Text) + PerMessageOverhead);

    /// <summary>Han (incl. extensions), kana and Hangul: scripts a tokenizer splits about one character per token.</summary>
    public static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // Han extension A
        >= 0x4E00 and <= 0x9FFF => true, // Han
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // Han compatibility
        >= 0x20000 and <= 0x3FFFF => true, // Han extensions B and later
        _ => false,
    };
}
