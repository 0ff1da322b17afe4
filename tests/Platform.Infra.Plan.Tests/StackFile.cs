namespace Platform.Infra.Plan.Tests;

/// <summary>A scratch copy of one of the repository's Pulumi stack files that a test may break.</summary>
internal sealed class StackFile : IDisposable
{
    private readonly string _directory;

    public StackFile(string stack)
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "stack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, $"Pulumi.{stack}.yaml");
        File.Copy(RepositoryFile(stack), Path);
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public string Path { get; }

    public static string RepositoryFile(string stack) => System.IO.Path.Combine(RepositoryRoot, $"Pulumi.{stack}.yaml");

    public static PlanResult Build(string path) => DeploymentPlanner.Build(ComplianceModel.Embedded, StackConfig.Load(path));

    public StackFile Replace(string oldText, string newText)
    {
        var text = File.ReadAllText(Path);
        text.ShouldContain(oldText, customMessage: "the test's edit must apply to the current stack file");
        File.WriteAllText(Path, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public StackFile Append(string lines)
    {
        File.AppendAllText(Path, lines);
        return this;
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>, as errors report it.</summary>
    public int LineOf(string text) => File.ReadAllLines(Path).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public PlanResult Build() => Build(Path);

    public PlanError SingleError()
    {
        var result = Build();
        result.Plan.ShouldBeNull();
        return result.Errors.ShouldHaveSingleItem();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
