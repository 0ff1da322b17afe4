namespace Platform.Compliance.Tests.Routing;

public sealed class RoutingPolicyTests
{
    internal const string FraProviders = "    # request that no pool of the zone can serve fails closed; it is never sent to a provider that may not have it.\n    external_providers: []";

    [Fact]
    public void ShippedRouting_GivesEveryZoneAVerifierOfItsOwnZone_AndBudgetsForEveryTier()
    {
        var model = ComplianceModel.Load(PolicyCopy.RepositoryPolicies);

        foreach (var zone in model.Zones)
        {
            var routing = model.Routing.Of(zone.Id);
            model.Pools.Single(p => p.Id == routing.Verifier!.PoolId).Zone.ShouldBe(zone.Id);
            foreach (var latencyClass in Enum.GetValues<LatencyClass>())
            {
                foreach (var tier in model.Tiers)
                {
                    routing.BudgetFor(latencyClass, tier.Level).ShouldNotBeNull();
                }
            }
        }
    }

    [Fact]
    public void LatencyBudgets_FallInClassesByTheConfiguredThresholds()
    {
        var classes = new LatencyClasses(2000, 15000);

        classes.Of(2000).ShouldBe(LatencyClass.Interactive);
        classes.Of(2001).ShouldBe(LatencyClass.Standard);
        classes.Of(15000).ShouldBe(LatencyClass.Standard);
        classes.Of(120000).ShouldBe(LatencyClass.Batch);
    }

    [Fact]
    public void SystemPrompt_MatchesTheLocalesLanguagePrefix_AndNothingElse()
    {
        var sgp = ComplianceModel.Load(PolicyCopy.RepositoryPolicies).Routing.Of("sgp");

        sgp.SystemPromptFor("zh-CN").ShouldNotBeNull();
        sgp.SystemPromptFor("zh").ShouldBe(sgp.SystemPromptFor("zh-Hant-SG"));
        sgp.SystemPromptFor("zhx").ShouldBeNull();
        sgp.SystemPromptFor("en-SG").ShouldBeNull();
        sgp.SystemPromptFor(null).ShouldBeNull();
    }

    [Fact]
    public void VerifierPoolOfAnotherZone_IsRefused_NamingFileKeyAndFix()
    {
        using var copy = new PolicyCopy().Replace("routing.yaml", "pool: sgp-h100-fast-b", "pool: fra-h100-fast-b");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.File.ShouldEndWith("routing.yaml");
        error.Key.ShouldBe("zones.sgp.verifier.pool");
        error.Line.ShouldBe(File.ReadAllLines(Path.Combine(copy.Directory, "routing.yaml")).ToList().FindIndex(l => l.Contains("pool: fra-h100-fast-b")) + 1);
        error.Problem.ShouldContain("is in zone 'fra', not 'sgp'");
        error.Fix.ShouldStartWith("Use a pool of zone sgp: sgp-h100-fast-a");
    }

    [Fact]
    public void ExternalProviderInIsolatedCn_IsRefused()
    {
        using var copy = new PolicyCopy().Replace(
            "routing.yaml",
            "    # cn is isolated: no external provider may be configured here (the loader refuses one).\n    external_providers: []",
            "    external_providers:\n      - { name: outside, base_url: \"https://api.example.com/v1\", model: m, processing_country: CN, in_zone_processor: false, price: { input: 1, cached_input: 0.5, output: 4 } }");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.Key.ShouldBe("zones.cn.external_providers[0]");
        error.Problem.ShouldContain("isolated");
        error.Fix.ShouldBe("Remove this provider from zones.cn.external_providers.");
    }

    [Fact]
    public void InZoneProcessorThatProcessingYamlDoesNotName_IsRefused()
    {
        using var copy = new PolicyCopy().Replace(
            "routing.yaml",
            FraProviders,
            "    external_providers:\n      - { name: unnamed-gmbh, base_url: \"https://api.example.eu/v1\", model: m, processing_country: DE, in_zone_processor: true, price: { input: 1, cached_input: 0.5, output: 4 } }");

        var error = copy.Errors().ShouldHaveSingleItem();

        error.Key.ShouldBe("zones.fra.external_providers[0].in_zone_processor");
        error.Problem.ShouldBe("processing.yaml does not name 'unnamed-gmbh' as a processor of zone fra.");
    }

    [Fact]
    public void InZoneProcessorOutsideTheZonesCountries_IsRefused()
    {
        using var copy = new PolicyCopy().Replace(
            "routing.yaml",
            FraProviders,
            "    external_providers:\n      - { name: example-us, base_url: \"https://api.example.com/v1\", model: m, processing_country: US, in_zone_processor: true, basis: Test basis, price: { input: 1, cached_input: 0.5, output: 4 } }");

        copy.Errors().ShouldHaveSingleItem().Problem.ShouldBe("The provider processes in 'US', which is not a country of zone fra.");
    }

    [Fact]
    public void ProviderNotInZone_Loads_AndIsMarkedSo()
    {
        using var copy = new PolicyCopy().Replace(
            "routing.yaml",
            FraProviders,
            "    external_providers:\n      - { name: example-eu, base_url: \"https://api.example.eu/v1\", model: m, processing_country: US, in_zone_processor: false, basis: Test basis, price: { input: 1, cached_input: 0.5, output: 4 } }");

        var provider = ComplianceModel.Load(copy.Directory).Routing.Of("fra").ExternalProviders.ShouldHaveSingleItem();

        provider.InZoneProcessor.ShouldBeFalse();
        provider.BaseUrl.ShouldBe(new Uri("https://api.example.eu/v1"));
    }

    [Fact]
    public void BudgetsWithTooFewTiers_AndAJudgeWithoutTheMarker_AreEachRefused()
    {
        using var copy = new PolicyCopy()
            .Replace("routing.yaml", "      interactive: [1024, 2048, 4096, 8192]\n      standard: [2048, 8192, 16384, 32768]\n      batch: [4096, 16384, 32768, 65536]\n    # System prompts", "      interactive: [1024, 2048]\n      standard: [2048, 8192, 16384, 32768]\n      batch: [4096, 16384, 32768, 65536]\n    # System prompts")
            .Replace("routing.yaml", "      system: \"[platform-judge] 你是", "      system: \"你是");

        var errors = copy.Errors();

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.Key == "zones.sgp.reasoning_budgets.interactive" && e.Fix == "Write exactly 4 caps, one per tier from 0 to 3.");
        errors.ShouldContain(e => e.Key == "zones.cn.verifier.system" && e.Fix == "Begin it with \"[platform-judge] \".");
    }
}
