using Platform.Compliance;

namespace Platform.Pii.Tests;

/// <summary>Shared fixtures: one classifier for all tests, the dev set, and the compliance model's class rule.</summary>
internal static class TestData
{
    public static readonly PiiClassifier Classifier = new();

    /// <summary>The repository root: the directory holding Platform.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
        }
    }

    public static string DevSetPath => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "pii", "dev.jsonl"));

    /// <summary>The type → class rule belongs to the compliance model (policies/data-classes.yaml).</summary>
    public static string ClassOf(IReadOnlyCollection<string> types) => ComplianceModel.Embedded.DataClasses.ClassOf(types).ToWire();

    public static IReadOnlyList<PiiFinding> Find(string text) => Classifier.Scan(text).Findings;
}
