using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static class RoutingReader
{
    private static readonly Dictionary<string, LatencyClass> ClassNames = new(StringComparer.Ordinal)
    {
        ["interactive"] = LatencyClass.Interactive,
        ["standard"] = LatencyClass.Standard,
        ["batch"] = LatencyClass.Batch,
    };

    public static RoutingPolicy Read(YamlNodeReader root, IReadOnlyList<Zone> zones, IReadOnlyList<Pool> pools, IReadOnlyList<Tier> tiers, ProcessingRecord processing)
    {
        root.AllowOnly("latency_classes", "zones");
        var lc = root["latency_classes"];
        lc.AllowOnly("interactive_max_ms", "standard_max_ms");
        var interactive = lc["interactive_max_ms"].Int("Set the longest latency budget (ms) that is still interactive, like 2000.", 1);
        var standard = lc["standard_max_ms"].Int("Set the longest latency budget (ms) that is still standard, like 15000.", 1);
        if (standard < interactive)
        {
            lc["standard_max_ms"].Error($"standard_max_ms {standard} is below interactive_max_ms {interactive}.", "Make standard_max_ms at least interactive_max_ms.");
        }

        var entries = new List<ZoneRouting>();
        foreach (var (id, z) in root["zones"].Entries("Give every zone an entry with its verifier, reasoning_budgets, system_prompts and external_providers."))
        {
            z.AllowOnly("verifier", "reasoning_budgets", "system_prompts", "external_providers");
            var zone = zones.FirstOrDefault(x => x.Id == id);
            if (zone is null)
            {
                z.Error($"Unknown zone '{id}'.", $"Use one of: {string.Join(", ", zones.Select(x => x.Id))}.");
                continue;
            }

            entries.Add(new ZoneRouting(
                id,
                ReadVerifier(z["verifier"], id, pools),
                ReadBudgets(z["reasoning_budgets"], id, tiers),
                ReadPrompts(z["system_prompts"]),
                ReadProviders(z["external_providers"], zone, processing, pools),
                new Origin(root.Source.File, z.Line)));
        }

        foreach (var zone in zones.Where(z => entries.All(e => e.Zone != z.Id)))
        {
            root["zones"].Error($"Zone '{zone.Id}' has no entry.", $"Add zones.{zone.Id} (reasoning_budgets at least).");
        }

        return new RoutingPolicy(new LatencyClasses(interactive, standard), entries);
    }

    /// <summary>
    /// A processor processing.yaml says hosts an external provider must be one routing.yaml configures for that zone,
    /// so the officers' record never names a recipient the platform does not send to, nor misses one it does.
    /// </summary>
    public static void CheckProviderProcessors(YamlSource processingFile, ProcessingRecord processing, RoutingPolicy routing)
    {
        foreach (var zone in processing.Zones.Where(z => routing.Zones.Any(r => r.Zone == z.Zone)))
        {
            var providers = routing.Of(zone.Zone).ExternalProviders;
            foreach (var (processor, index) in zone.Processors.Select((p, i) => (p, i)).Where(x => x.p.Hosts.Contains(SystemPart.ExternalProvider)))
            {
                if (providers.All(p => p.Name != processor.Name || !p.InZoneProcessor))
                {
                    processingFile.Error(processor.Origin.Line, $"zones.{zone.Zone}.processors[{index}]",
                        $"'{processor.Name}' hosts an external_provider of zone {zone.Zone}, but routing.yaml zones.{zone.Zone}.external_providers has no in_zone_processor of that name.",
                        $"Remove it here, or configure it in routing.yaml with in_zone_processor: true.");
                }
            }
        }
    }

    private static VerifierPolicy? ReadVerifier(YamlNodeReader v, string zone, IReadOnlyList<Pool> pools)
    {
        // No verifier: auto answers are never judged, so never promoted, in this zone.
        if (!v.Exists)
        {
            return null;
        }

        v.AllowOnly("pool", "system", "template", "pass_threshold");
        var poolId = v["pool"].String($"Name a pool of zone {zone} (pools.yaml) to run the judge on.");
        var pool = pools.FirstOrDefault(p => p.Id == poolId);
        if (poolId.Length > 0 && pool is null)
        {
            v["pool"].Error($"Unknown pool '{poolId}'.", $"Use a pool of zone {zone}: {string.Join(", ", pools.Where(p => p.Zone == zone).Select(p => p.Id))}.");
        }
        else if (pool is not null && pool.Zone != zone)
        {
            v["pool"].Error($"Pool '{poolId}' is in zone '{pool.Zone}', not '{zone}': the judge reads the question and answer, which may not leave the zone.",
                $"Use a pool of zone {zone}: {string.Join(", ", pools.Where(p => p.Zone == zone).Select(p => p.Id))}.");
        }

        var system = v["system"].String($"Write the judge's system message, starting with {VerifierPolicy.Marker}.");
        if (system.Length > 0 && !system.StartsWith(VerifierPolicy.Marker, StringComparison.Ordinal))
        {
            v["system"].Error($"The judge's system message does not start with {VerifierPolicy.Marker}.", $"Begin it with \"{VerifierPolicy.Marker} \".");
        }

        var template = v["template"].String("Write the judge's user message with {question} and {answer} in it.");
        if (template.Length > 0 && (!template.Contains("{question}", StringComparison.Ordinal) || !template.Contains("{answer}", StringComparison.Ordinal)))
        {
            v["template"].Error("The template lacks {question} or {answer}.", "Put both {question} and {answer} in the template, so the judge sees what it grades.");
        }

        var threshold = v["pass_threshold"].Decimal("Set the score (0..1) an answer needs to pass, like 0.5.");
        if (threshold > 1)
        {
            v["pass_threshold"].Error($"{threshold} is above 1.", "Use a score from 0 to 1.");
        }

        return new VerifierPolicy(poolId, system, template, threshold, new Origin(v.Source.File, v.Line));
    }

    private static Dictionary<LatencyClass, IReadOnlyList<int>> ReadBudgets(YamlNodeReader b, string zone, IReadOnlyList<Tier> tiers)
    {
        var budgets = new Dictionary<LatencyClass, IReadOnlyList<int>>();
        foreach (var (name, caps) in b.Entries($"Give zones.{zone}.reasoning_budgets a list of caps per class: interactive, standard, batch."))
        {
            if (!ClassNames.TryGetValue(name, out var latencyClass))
            {
                caps.Error($"Unknown latency class '{name}'.", "Use interactive, standard or batch.");
                continue;
            }

            var values = caps.Items($"Write one cap per tier, like [1024, 2048, 4096, 8192].")
                .Select(i => i.Int("Write a whole number of tokens of at least 1.", 1)).ToArray();
            if (values.Length != tiers.Count)
            {
                caps.Error($"{values.Length} cap(s) for {tiers.Count} tiers.", $"Write exactly {tiers.Count} caps, one per tier from 0 to {tiers.Count - 1}.");
            }

            budgets[latencyClass] = values;
        }

        foreach (var missing in ClassNames.Where(c => !budgets.ContainsKey(c.Value)))
        {
            b.Error($"No caps for class '{missing.Key}'.", $"Add zones.{zone}.reasoning_budgets.{missing.Key}.");
        }

        return budgets;
    }

    private static Dictionary<string, string> ReadPrompts(YamlNodeReader p)
    {
        var prompts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!p.Exists)
        {
            return prompts;
        }

        foreach (var (prefix, text) in p.Entries("Map locale prefixes to system prompts, like zh: \"...\", or write {} for none."))
        {
            prompts[prefix] = text.String("Write the system prompt for this locale, or remove the entry.");
        }

        return prompts;
    }

    private static List<ExternalProvider> ReadProviders(YamlNodeReader list, Zone zone, ProcessingRecord processing, IReadOnlyList<Pool> pools)
    {
        var providers = new List<ExternalProvider>();
        if (!list.Exists)
        {
            return providers;
        }

        foreach (var item in list.Items("List external providers, or write [] for none."))
        {
            item.AllowOnly("name", "base_url", "model", "processing_country", "in_zone_processor", "basis", "price");
            var name = item["name"].String("Name the provider (its API key is read from Regional:Providers:<name>:ApiKey).");
            if (name.Length > 0 && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                item["name"].Error($"'{name}' is not usable in a configuration key.", "Use letters, digits, '-' and '_' only, like example-eu: it becomes Regional:Providers:<name>:ApiKey.");
            }
            else if (pools.Any(p => p.Id == name))
            {
                // Traces and the decision log name a provider where they name a pool: the two must never be confused.
                item["name"].Error($"'{name}' is the id of a pool.", "Give the provider a name no pool in pools.yaml has.");
            }

            if (zone.Isolated)
            {
                item.Error($"Zone '{zone.Id}' is isolated: no request may leave it, so no external provider may serve it.", $"Remove this provider from zones.{zone.Id}.external_providers.");
            }

            var url = item["base_url"].String("Give the provider's OpenAI-compatible base URL, like https://api.example.com/v1.");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || !(baseUrl.Scheme == "https" || (baseUrl.Scheme == "http" && baseUrl.IsLoopback)))
            {
                item["base_url"].Error($"'{url}' is not an absolute https URL.", "Use https://host/v1: prompts must not cross a network in clear text (plain http only to this machine, for local tests).");
                baseUrl = null;
            }

            var price = item["price"];
            price.AllowOnly("input", "cached_input", "output");
            var provider = new ExternalProvider(
                name,
                zone.Id,
                baseUrl ?? new Uri("https://invalid.invalid/"),
                item["model"].String("Name the model to ask the provider for."),
                item["processing_country"].String("Give the ISO 3166-1 alpha-2 code of the country where the provider processes requests."),
                item["in_zone_processor"].Bool(false),
                item["basis"].OptionalString(),
                new Price(
                    price["input"].Decimal("Give the provider's USD price per million input tokens."),
                    price["cached_input"].Decimal("Give the provider's USD price per million cached input tokens."),
                    price["output"].Decimal("Give the provider's USD price per million output tokens.")),
                new Origin(item.Source.File, item.Line));
            var country = provider.ProcessingCountry;
            if (provider.InZoneProcessor && country.Length > 0 && !provider.ProcessesIn(zone))
            {
                item["in_zone_processor"].Error($"The provider processes in '{country}', which is not a country of zone {zone.Id}.",
                    "Set in_zone_processor: false (it then never receives personal data), or use a provider that processes in the zone.");
            }
            else if (provider.InZoneProcessor && name.Length > 0 && processing.Zones.FirstOrDefault(z => z.Zone == zone.Id) is { } record && record.Processors.All(p => p.Name != name))
            {
                item["in_zone_processor"].Error($"processing.yaml does not name '{name}' as a processor of zone {zone.Id}.",
                    $"Add '{name}' to zones.{zone.Id}.processors in processing.yaml (the officers' record), or set in_zone_processor: false.");
            }

            // Prompts without personal data cross the border to a provider abroad: the officers' record must say on what basis.
            if (provider.Basis is null && country.Length > 0 && !provider.ProcessesIn(zone) && !zone.Isolated)
            {
                item["basis"].Error($"External provider {name} processes in {country}, outside zone {zone.Id}; no legal basis for sending it prompts is recorded.",
                    $"Write basis: with the legal basis for sending it prompts without personal data ({zone.Regulation}), or use a provider that processes in the zone.");
            }

            providers.Add(provider);
        }

        return providers;
    }
}
