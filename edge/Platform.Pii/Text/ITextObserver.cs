namespace Platform.Pii.Text;

/// <summary>
/// A second reader of the cue pass's walk over a prompt (the locale's evidence): it is shown every word and every
/// CJK character once, so reading a prompt costs one walk, not one per reader. Implemented by structs, so the walk
/// is compiled for each reader with its calls inlined.
/// </summary>
internal interface ITextObserver
{
    /// <summary>How far into the text the observer reads: past it the walk calls it no more.</summary>
    int ObservedChars { get; }

    /// <summary>A run of letters and digits not starting with a digit, with its <see cref="WordHash"/> and whether it is all ASCII.</summary>
    void Word(ReadOnlySpan<char> text, int start, int end, ulong hash, bool ascii);

    /// <summary>A CJK character or a backtick (code spans and fences).</summary>
    void CjkOrBacktick(ReadOnlySpan<char> text, int i);
}

/// <summary>The walk alone, for callers that only want the cue hits.</summary>
internal struct NoTextObserver : ITextObserver
{
    public readonly int ObservedChars => 0;

    public readonly void Word(ReadOnlySpan<char> text, int start, int end, ulong hash, bool ascii)
    {
    }

    public readonly void CjkOrBacktick(ReadOnlySpan<char> text, int i)
    {
    }
}
