using Platform.Compliance;

namespace Platform.Regional.Tests.Providers;

/// <summary>
/// A scratch copy of the repository's policies with three tier-3 providers in sgp: <see cref="Abroad"/> (US, non-PII
/// only, with a transfer basis), <see cref="Local"/> (SG, not a processor: non-PII only) and <see cref="Processor"/>
/// (SG, in_zone_processor and named in processing.yaml: may receive personal data).
/// </summary>
internal sealed class ProviderPolicies : IDisposable
{
    public const string Abroad = "abroad-us";
    public const string Local = "local-sg";
    public const string Processor = "processor-sg";

    /// <summary>Every provider's model, so one fake server can answer for any of them.</summary>
    public const string ProviderModel = "frontier-x";

    /// <summary>The price every provider is given (USD per million input, cached input, output tokens).</summary>
    public static readonly Price ProviderPrice = new(2m, 0.5m, 8m);

    public ProviderPolicies(string baseUrl = "https://api.example.com/v1")
    {
        Directory = Path.Combine(Path.GetTempPath(), "regional-policies-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var source = Path.Combine(RepositoryRoot(), "policies");
        foreach (var file in System.IO.Directory.GetFiles(source, "*.yaml"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }

        Edit("routing.yaml", "    # Tier-3 providers outside the zone's own pools (see fra below for the keys). None configured.\n    external_providers: []", $"""
                external_providers:
                  - {Entry(Abroad, baseUrl, "US", false)}
                    basis: "Test basis: only prompts without personal data are sent."
                  - {Entry(Local, baseUrl, "SG", false)}
                  - {Entry(Processor, baseUrl, "SG", true)}
            """);
        Edit("processing.yaml", "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n  fra:", $"""
                    hosts: [regional_function, trace_store, decision_log, gpu_pools]
                  - name: {Processor}
                    role: Answers tier-3 requests in Singapore.
                    hosts: [external_provider]
              fra:
            """);
        Model = ComplianceModel.Load(Directory);
    }

    public string Directory { get; }

    public ComplianceModel Model { get; }

    public ExternalProvider Provider(string name) => Model.Routing.Of("sgp").ExternalProviders.Single(p => p.Name == name);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Entry(string name, string baseUrl, string country, bool processor) =>
        $"name: {name}\n        base_url: {baseUrl}\n        model: {ProviderModel}\n        processing_country: {country}\n        in_zone_processor: {(processor ? "true" : "false")}\n"
        + "        price: { input: 2, cached_input: 0.5, output: 8 }";

    private void Edit(string file, string oldText, string newText)
    {
        var path = Path.Combine(Directory, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(oldText, customMessage: "the test's edit must apply to the current policies");
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
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
