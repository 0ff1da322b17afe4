using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.GpuPools.Simulator.Generation;

/// <summary>
/// Deterministic stand-in for a model: the SHA-256 of the messages seeds a word generator over a fixed lexicon,
/// so the same messages always produce the same reasoning and answer, of a length also drawn from the hash.
/// Prompts written mostly in CJK get CJK-looking text.
/// </summary>
internal static class TextGenerator
{
    public const int MinAnswerTokens = 20;
    public const int MaxAnswerTokens = 120;
    public const int MinReasoningTokens = 30;
    public const int MaxReasoningTokens = 200;

    public static GeneratedReply Generate(IReadOnlyList<(string Role, string Text)> messages, bool reasoning)
    {
        var hash = Hash(messages);
        // Separate streams for answer and reasoning, so a prompt gets the same answer on reasoning and non-reasoning models.
        var answerRng = new SplitMix64(BinaryPrimitives.ReadUInt64LittleEndian(hash));
        var reasoningRng = new SplitMix64(BinaryPrimitives.ReadUInt64LittleEndian(hash.AsSpan(8)));
        var cjk = IsMostlyCjk(messages);
        var answer = Words(ref answerRng, answerRng.Between(MinAnswerTokens, MaxAnswerTokens), cjk ? Lexicon.Cjk : Lexicon.LatinAnswer);
        var thoughts = reasoning
            ? Words(ref reasoningRng, reasoningRng.Between(MinReasoningTokens, MaxReasoningTokens), cjk ? Lexicon.Cjk : Lexicon.LatinReasoning)
            : [];
        return new GeneratedReply(thoughts, answer);
    }

    private static byte[] Hash(IReadOnlyList<(string Role, string Text)> messages)
    {
        var sb = new StringBuilder();
        foreach (var (role, text) in messages)
        {
            // Separators no message text is expected to contain, so ("ab","c") and ("a","bc") differ.
            sb.Append(role).Append('\u001f').Append(text).Append('\u001e');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static bool IsMostlyCjk(IReadOnlyList<(string Role, string Text)> messages)
    {
        int cjk = 0, letters = 0;
        foreach (var (_, text) in messages)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (TokenCounter.IsCjk(rune))
                {
                    cjk++;
                }
                else if (Rune.IsLetter(rune))
                {
                    letters++;
                }
            }
        }

        // A CJK character carries about as much as a short Latin word of ~4 letters.
        return cjk * 4 > letters;
    }

    private static List<string> Words(ref SplitMix64 rng, int count, Lexicon lexicon)
    {
        var pieces = new List<string>(count);
        var sentenceLeft = 0;
        for (var i = 0; i < count; i++)
        {
            var startsSentence = sentenceLeft == 0;
            if (startsSentence)
            {
                sentenceLeft = rng.Between(lexicon.MinSentence, lexicon.MaxSentence);
            }

            var word = lexicon.Words[rng.Between(0, lexicon.Words.Count - 1)];
            if (startsSentence && lexicon.Capitalize)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            sentenceLeft--;
            if (sentenceLeft == 0 || i == count - 1)
            {
                word += lexicon.SentenceEnd;
                sentenceLeft = 0;
            }

            pieces.Add(i == 0 ? word : lexicon.Separator + word);
        }

        return pieces;
    }
}
