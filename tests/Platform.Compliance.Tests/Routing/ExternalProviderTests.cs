namespace Platform.Compliance.Tests.Routing;

/// <summary>What the loader demands of an external provider, and the one rule for what it may receive.</summary>
public sealed class ExternalProviderTests
{
    private const string Price = "        price: { input: 3, cached_input: 0.75, output: 15 }";

    [Fact]
    public void ProviderAbroadWithoutBasis_IsRefused_NamingFileLineKeyAndFix()
    {
        using var copy = Fra(Provider("example-us", "US", inZone: false));

        var error = copy.Errors().ShouldHaveSingleItem();

        error.File.ShouldEndWith("routing.yaml");
        error.Line.ShouldBe(LineOf(copy, "- name: example-us"));
        error.Key.ShouldBe("zones.fra.external_providers[0].basis");
        error.Problem.ShouldBe("External provider example-us processes in US, outside zone fra; no legal basis for sending it prompts is recorded.");
        error.Fix.ShouldBe("Write basis: with the legal basis for sending it prompts without personal data (EU GDPR (Regulation 2016/679)), or use a provider that processes in the zone.");
    }

    [Fact]
    public void ProviderInTheZonesCountries_NeedsNoBasis_AndMayReceiveOnlyNonPersonalData()
    {
        using var copy = Fra(Provider("example-de", "DE", inZone: false));
        var model = ComplianceModel.Load(copy.Directory);

        var provider = model.Routing.Of("fra").ExternalProviders.ShouldHaveSingleItem();

        provider.Basis.ShouldBeNull();
        provider.Price.ShouldBe(new Price(3m, 0.75m, 15m));
        model.ClassesFor(provider).ShouldBe([DataClass.None]);
    }

    [Fact]
    public void ProviderAbroadWithBasis_Loads_AndMayReceiveOnlyNonPersonalData()
    {
        using var copy = Fra(Provider("example-us", "US", inZone: false) + "\n        basis: Only prompts without personal data are sent.");
        var model = ComplianceModel.Load(copy.Directory);

        var provider = model.Routing.Of("fra").ExternalProviders.ShouldHaveSingleItem();

        provider.Basis.ShouldBe("Only prompts without personal data are sent.");
        model.MayReceive(provider, DataClass.None).ShouldBeTrue();
        model.MayReceive(provider, DataClass.Direct).ShouldBeFalse();
        model.MayReceive(provider, DataClass.Sensitive).ShouldBeFalse();
    }

    [Fact]
    public void InZoneProcessorNamedInProcessingYaml_MayReceivePersonalData()
    {
        using var copy = Fra(Provider("example-de", "DE", inZone: true))
            .Replace("processing.yaml", "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n  cn:",
                "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n      - name: example-de\n        role: Answers tier-3 requests in Germany.\n        hosts: [external_provider]\n  cn:");
        var model = ComplianceModel.Load(copy.Directory);

        var provider = model.Routing.Of("fra").ExternalProviders.ShouldHaveSingleItem();

        model.ClassesFor(provider).ShouldBe([DataClass.None, DataClass.Direct, DataClass.Sensitive]);
    }

    [Fact]
    public void ProcessingYamlNamingAProviderRoutingYamlDoesNotConfigure_IsRefused_AtItsLine()
    {
        using var copy = new PolicyCopy().Replace("processing.yaml", "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n  cn:",
            "        hosts: [regional_function, trace_store, decision_log, gpu_pools]\n      - name: example-de\n        role: Answers tier-3 requests in Germany.\n        hosts: [external_provider]\n  cn:");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.File.ShouldEndWith("processing.yaml");
        error.Key.ShouldBe("zones.fra.processors[2]");
        error.Line.ShouldBe(File.ReadAllLines(Path.Combine(copy.Directory, "processing.yaml")).ToList().FindIndex(l => l.Contains("- name: example-de", StringComparison.Ordinal)) + 1);
        error.Problem.ShouldBe("'example-de' hosts an external_provider of zone fra, but routing.yaml zones.fra.external_providers has no in_zone_processor of that name.");
    }

    [Fact]
    public void ProviderOfAnIsolatedZone_MayReceiveNothing_EvenIfTheLoaderWereBypassed()
    {
        var model = ComplianceModel.Load(PolicyCopy.RepositoryPolicies);
        var rogue = new ExternalProvider("rogue", "cn", new Uri("https://api.example.cn/v1"), "m", "CN", true, null, new Price(1, 1, 1), new Origin("routing.yaml", 1));

        model.ClassesFor(rogue).ShouldBeEmpty();
    }

    [Fact]
    public void ProviderWithoutPrice_OrNamedLikeAPool_OrOverPlainHttp_IsRefused_EveryProblemAtOnce()
    {
        using var copy = Fra("    external_providers:\n      - name: fra-h100-fast-a\n        base_url: http://api.example.eu/v1\n        model: m\n        processing_country: DE");

        var errors = copy.Errors();

        errors.Select(e => e.Key).ShouldBe(
            ["zones.fra.external_providers[0].name", "zones.fra.external_providers[0].base_url", "zones.fra.external_providers[0].price.input",
             "zones.fra.external_providers[0].price.cached_input", "zones.fra.external_providers[0].price.output"],
            ignoreOrder: true);
        errors.Single(e => e.Key.EndsWith(".name", StringComparison.Ordinal)).Problem.ShouldBe("'fra-h100-fast-a' is the id of a pool.");
    }

    [Fact]
    public void PlainHttpToThisMachine_IsAllowed_ForLocalTests()
    {
        using var copy = Fra(Provider("local-test", "DE", inZone: false).Replace("https://api.example.com/v1", "http://127.0.0.1:8099/v1", StringComparison.Ordinal));

        ComplianceModel.Load(copy.Directory).Routing.Of("fra").ExternalProviders.ShouldHaveSingleItem().BaseUrl.ShouldBe(new Uri("http://127.0.0.1:8099/v1"));
    }

    private static string Provider(string name, string country, bool inZone) =>
        $"    external_providers:\n      - name: {name}\n        base_url: https://api.example.com/v1\n        model: example-frontier\n        processing_country: {country}\n        in_zone_processor: {(inZone ? "true" : "false")}\n{Price}";

    private static PolicyCopy Fra(string providers) => new PolicyCopy().Replace("routing.yaml", RoutingPolicyTests.FraProviders, providers);

    private static int LineOf(PolicyCopy copy, string text) =>
        File.ReadAllLines(Path.Combine(copy.Directory, "routing.yaml")).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
