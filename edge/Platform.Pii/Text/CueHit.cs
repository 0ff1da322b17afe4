namespace Platform.Pii.Text;

/// <summary>A lexicon entry found in the text.</summary>
internal readonly record struct CueHit(int Start, int Length, CueKind Kinds)
{
    public int End => Start + Length;
}
