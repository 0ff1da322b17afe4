namespace Platform.Audit.Tests;

/// <summary>A scratch copy of the repository's policies/ and stack files that a test may break.</summary>
internal sealed class RepoCopy : IDisposable
{
    public RepoCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "audit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Policies);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "policies"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(Policies, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(RepositoryRoot, "Pulumi.*.yaml"))
        {
            File.Copy(file, Path.Combine(Root, Path.GetFileName(file)));
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public string Root { get; }

    public string Policies => Path.Combine(Root, "policies");

    /// <summary>Replaces the first occurrence of <paramref name="oldText"/> in a file (path relative to the copy's root).</summary>
    public RepoCopy Replace(string file, string oldText, string newText)
    {
        var path = Path.Combine(Root, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, "the test's edit must apply to the current file");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length)));
        return this;
    }

    public RepoCopy Append(string file, string text)
    {
        File.AppendAllText(Path.Combine(Root, file), text);
        return this;
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public int LineOf(string file, string text) =>
        File.ReadAllLines(Path.Combine(Root, file)).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public AuditReport Audit() => Auditor.Run(Policies, Root);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
