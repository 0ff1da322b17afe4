namespace Platform.Compliance;

/// <summary>Where in the policies a fact was written, so audits and errors can point at the line.</summary>
public sealed record Origin(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
