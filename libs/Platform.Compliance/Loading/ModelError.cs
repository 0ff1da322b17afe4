namespace Platform.Compliance;

/// <summary>One thing wrong with the policies: where it is, what is wrong, and how to fix it.</summary>
public sealed record ModelError(string File, int Line, string Key, string Problem, string Fix)
{
    public override string ToString() => $"{File}:{Line}: {Key}: {Problem} Fix: {Fix}";
}
