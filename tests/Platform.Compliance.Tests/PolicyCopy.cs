namespace Platform.Compliance.Tests;

/// <summary>A scratch copy of the repository's policies/ that a test may break.</summary>
internal sealed class PolicyCopy : IDisposable
{
    public PolicyCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "policies-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(RepositoryPolicies, "*.yaml"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();
    public static string RepositoryPolicies => Path.Combine(RepositoryRoot, "policies");

    public string Directory { get; }

    public PolicyCopy Replace(string file, string oldText, string newText)
    {
        var path = Path.Combine(Directory, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(oldText, customMessage: "the test's edit must apply to the current policies");
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public IReadOnlyList<ModelError> Errors()
    {
        var e = Should.Throw<ComplianceModelException>(() => ComplianceModel.Load(Directory));
        return e.Errors;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

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
