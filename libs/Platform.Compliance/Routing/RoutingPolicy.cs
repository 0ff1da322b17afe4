namespace Platform.Compliance;

/// <summary>How long a request may wait, as a class; decides its reasoning budget (routing.yaml <c>latency_classes</c>).</summary>
public enum LatencyClass
{
    Interactive,
    Standard,
    Batch,
}

/// <summary>The budget thresholds that put a request's <c>latency_budget_ms</c> in a class.</summary>
public sealed record LatencyClasses(int InteractiveMaxMs, int StandardMaxMs)
{
    public LatencyClass Of(int latencyBudgetMs) =>
        latencyBudgetMs <= InteractiveMaxMs ? LatencyClass.Interactive
        : latencyBudgetMs <= StandardMaxMs ? LatencyClass.Standard
        : LatencyClass.Batch;
}

/// <summary>The judge of a zone: a pool of the zone, the prompt it is given, and the score an answer needs.</summary>
public sealed record VerifierPolicy(string PoolId, string System, string Template, decimal PassThreshold, Origin Origin)
{
    /// <summary>What every judge system message starts with, so a pool (or the simulator) can tell a judging request.</summary>
    public const string Marker = "[platform-judge]";
}

/// <summary>
/// A tier-3 OpenAI-compatible endpoint outside the zone's pools (routing.yaml <c>zones.&lt;zone&gt;.external_providers</c>);
/// its API key is configuration, never policy. <see cref="Basis"/> is the legal basis recorded for sending it prompts
/// without personal data when it processes outside the zone's countries (null only when it processes inside them).
/// What it may be sent is <see cref="ComplianceModel.MayReceive"/>'s to say, nobody else's.
/// </summary>
public sealed record ExternalProvider(
    string Name, string Zone, Uri BaseUrl, string Model, string ProcessingCountry, bool InZoneProcessor, string? Basis, Price Price, Origin Origin)
{
    /// <summary>Whether the provider processes in one of the zone's own countries (its jurisdiction).</summary>
    public bool ProcessesIn(Zone zone) => zone.HomeCountries.Contains(ProcessingCountry, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One zone's routing policy (routing.yaml <c>zones.&lt;zone&gt;</c>).</summary>
public sealed record ZoneRouting(
    string Zone,
    VerifierPolicy? Verifier,
    IReadOnlyDictionary<LatencyClass, IReadOnlyList<int>> ReasoningBudgets,
    IReadOnlyDictionary<string, string> SystemPrompts,
    IReadOnlyList<ExternalProvider> ExternalProviders,
    Origin Origin)
{
    /// <summary>The cap on max_completion_tokens for a request of this class served at this tier; null when none is set.</summary>
    public int? BudgetFor(LatencyClass latencyClass, int tier) =>
        ReasoningBudgets.TryGetValue(latencyClass, out var caps) && tier >= 0 && tier < caps.Count ? caps[tier] : null;

    /// <summary>The system prompt for a locale tag: the longest configured prefix ("zh" matches "zh-CN"), or null.</summary>
    public string? SystemPromptFor(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return null;
        }

        return SystemPrompts
            .Where(p => locale.Equals(p.Key, StringComparison.OrdinalIgnoreCase)
                || locale.StartsWith(p.Key + "-", StringComparison.OrdinalIgnoreCase)
                || locale.StartsWith(p.Key + "_", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }
}

/// <summary>routing.yaml: latency classes and each zone's verifier, reasoning budgets, system prompts and external providers.</summary>
public sealed record RoutingPolicy(LatencyClasses LatencyClasses, IReadOnlyList<ZoneRouting> Zones)
{
    public ZoneRouting Of(string zone) => Zones.First(z => z.Zone == zone);
}
