namespace Platform.Audit;

/// <summary>The Pulumi stack files (<c>Pulumi.&lt;stack&gt;.yaml</c>) in a directory; <c>Pulumi.yaml</c> is the project file, not a stack.</summary>
public static class StackFiles
{
    public static IReadOnlyList<string> In(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "Pulumi.*.yaml").Order(StringComparer.Ordinal).ToArray()
            : [];
}
