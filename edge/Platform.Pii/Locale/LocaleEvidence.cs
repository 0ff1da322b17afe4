using System.Runtime.CompilerServices;
using Platform.Pii.Text;

namespace Platform.Pii.Locale;

/// <summary>
/// What the locale is decided from (<see cref="LocaleDetector.Decide"/>), counted while the cue pass walks the prompt:
/// CJK characters by script and by Simplified/Traditional/Cantonese form, Latin-script words, stop-word and
/// orthography scores per language. Text inside code fences and inline code is not counted.
/// </summary>
internal struct LocaleEvidence : ITextObserver
{
    // The language of a long prompt is settled well within its first pages; counting further only costs time.
    private const int MaxObservedChars = 8192;

    private bool _inFence;
    private bool _inInline;
    private int _backticksUntil; // the two further backticks of a fence just opened or closed

    public int Han { get; private set; }

    public int Kana { get; private set; }

    public int Hangul { get; private set; }

    public int Simplified { get; private set; }

    public int Traditional { get; private set; }

    public int Cantonese { get; private set; }

    public int VietnameseMarks { get; private set; }

    public int LatinWords { get; private set; }

    public LanguageScores Scores;

    public readonly int ObservedChars => MaxObservedChars;

    public void Word(ReadOnlySpan<char> text, int start, int end, ulong hash, bool ascii)
    {
        if (_inFence || _inInline)
        {
            return;
        }
        LatinWords++;
        if (!ascii)
        {
            // Letters only one of the languages writes (ß, ñ, è; Vietnamese ư, ơ, đ and tone marks) count like its words.
            foreach (var c in text[start..end])
            {
                var cls = LocaleDetector.Script[c];
                if (cls > LocaleDetector.WordLetterChar)
                {
                    VietnameseMarks += (cls & LocaleDetector.VietnameseFlag) >> 3;
                    if ((cls >> LocaleDetector.OrthographyShift) is var lang and > 0)
                    {
                        Scores[lang - 1]++;
                    }
                }
            }
        }
        if (end - start <= LocaleDetector.MaxStopWordLength
            && (LocaleDetector.SignalFilter[(hash >> 6) & (LocaleDetector.SignalFilterWords - 1)] & (1UL << (int)(hash & 63))) != 0
            && LocaleDetector.WordSignals.TryGetValue(hash, out var bits))
        {
            for (var b = 0; b < LocaleDetector.ScoreSlots; b++)
            {
                Scores[b] += (bits >> b) & 1;
            }
        }
    }

    public void CjkOrBacktick(ReadOnlySpan<char> text, int i)
    {
        if (i < _backticksUntil)
        {
            return;
        }
        var c = text[i];
        var script = LocaleDetector.Script[c] & LocaleDetector.ScriptMask;
        if (script == LocaleDetector.OtherChar)
        {
            return;
        }
        if (script == LocaleDetector.BacktickChar)
        {
            if (i + 2 < text.Length && text[i + 1] == '`' && text[i + 2] == '`')
            {
                _inFence = !_inFence;
                _backticksUntil = i + 3;
                return;
            }
            _inInline = !_inInline;
            return;
        }
        if (_inFence || _inInline)
        {
            return;
        }
        if (script == LocaleDetector.HanChar)
        {
            Han++;
            var mark = LocaleDetector.HanMarks[c];
            Simplified += mark & LocaleDetector.SimplifiedMark;
            Traditional += (mark & LocaleDetector.TraditionalMark) >> 1;
            Cantonese += (mark & LocaleDetector.CantoneseMark) >> 2;
        }
        else if (script == LocaleDetector.KanaChar)
        {
            Kana++;
        }
        else if (script == LocaleDetector.HangulChar)
        {
            Hangul++;
        }
    }
}

/// <summary>One count per Latin-script language, then the Malay-only and Indonesian-only markers.</summary>
[InlineArray(LocaleDetector.ScoreSlots)]
internal struct LanguageScores
{
    private int _first;
}
