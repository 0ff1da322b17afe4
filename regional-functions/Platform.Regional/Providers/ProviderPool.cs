using Platform.Compliance;

namespace Platform.Regional.Providers;

/// <summary>
/// An external provider as the router, forwarder, breakers, costing and telemetry see a pool, so every one of them
/// treats it exactly as a pool: its name is the pool id (traces, decision log, X-Platform-Pool), its model is the
/// provider's, it serves the top tier (frontier), and its price is the one routing.yaml records. The accelerator's
/// runtime is what spans report as gen_ai.provider.name: for a provider, its name.
/// </summary>
internal static class ProviderPool
{
    public const string AcceleratorId = "external";

    /// <summary>
    /// A provider's speed is not in the policies; these nominal figures only size its timeouts (first byte at least twice
    /// the TTFT, a whole answer twice the nominal generation time), capped by the configured limits.
    /// </summary>
    private static readonly Performance Nominal = new(TtftMs: 2000, TokensPerSecond: 40);

    /// <summary>Its in-flight requests count against this in the load score; it is never scraped.</summary>
    private const int NominalConcurrency = 64;

    public static Pool For(ExternalProvider provider, int tier) => new(
        provider.Name,
        provider.Zone,
        new Accelerator(AcceleratorId, provider.Name, provider.Name, "", "", 0, false),
        new ModelSpec(provider.Model, provider.BaseUrl.Host + "/" + provider.Model, tier, false, null),
        1,
        1,
        NominalConcurrency,
        provider.Price,
        Nominal,
        provider.Origin);
}
