using System.Reflection;

namespace Platform.Compliance;

/// <summary>The policy files' texts by name; from a directory, or from the copies embedded at build time.</summary>
internal static class PolicyFiles
{
    public static readonly string[] Names = ["zones.yaml", "data-classes.yaml", "flows.yaml", "pools.yaml", "tenants.yaml", "processing.yaml", "routing.yaml"];

    public static IReadOnlyDictionary<string, string?> FromDirectory(string directory) =>
        Names.ToDictionary(n => Path.Combine(directory, n), n =>
        {
            var path = Path.Combine(directory, n);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        });

    public static IReadOnlyDictionary<string, string?> Embedded()
    {
        var assembly = typeof(PolicyFiles).Assembly;
        return Names.ToDictionary(n => "policies/" + n, n =>
        {
            using var stream = assembly.GetManifestResourceStream("policies/" + n);
            return stream is null ? null : new StreamReader(stream).ReadToEnd();
        });
    }
}
