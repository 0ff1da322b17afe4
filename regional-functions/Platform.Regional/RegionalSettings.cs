using Platform.Compliance;
using Platform.Regional.Providers;

namespace Platform.Regional;

/// <summary>
/// A pool of this zone with an endpoint configured, or an external provider of this zone with an API key: the only
/// places a request can go to. A provider is seen as a pool (<see cref="ProviderPool"/>) and carries its policy entry and key.
/// </summary>
internal sealed record AvailablePool(Pool Pool, Uri Endpoint)
{
    public ExternalProvider? Provider { get; init; }

    public ProviderKey? Key { get; init; }

    /// <summary>vLLM serves the OpenAI API under /v1 of the pool's endpoint; a provider's base URL already names its API root.</summary>
    public Uri ChatCompletions => new(Endpoint, Provider is null ? "v1/chat/completions" : "chat/completions");
}

/// <summary>This instance's configuration, read and validated once at start-up.</summary>
internal sealed record RegionalSettings(
    Zone Zone,
    byte[] SigningKey,
    IReadOnlyList<AvailablePool> Pools,
    IReadOnlyList<string> UnavailablePools,
    IReadOnlyList<AvailablePool> Providers,
    IReadOnlyList<string> ProvidersWithoutKey,
    TimeSpan FirstByteTimeout,
    TimeSpan ResponseTimeout,
    TimeSpan MetricsScrapeInterval)
{
    public const string ZoneKey = "Regional:Zone";
    public const string SigningKeyKey = "Regional:SigningKey";
    public const string PoolsSection = "Regional:Pools";
    public const string ProvidersSection = "Regional:Providers";
    public const string FirstByteTimeoutKey = "Regional:FirstByteTimeout";
    public const string ResponseTimeoutKey = "Regional:ResponseTimeout";
    public const string MetricsScrapeIntervalKey = "Regional:MetricsScrapeInterval";

    private const int MinKeyBytes = 32;

    /// <summary>Reads the settings, or throws one exception listing every problem and its fix.</summary>
    public static RegionalSettings Read(IConfiguration configuration, ComplianceModel model)
    {
        var errors = new List<string>();
        var zoneId = configuration[ZoneKey];
        Zone? zone = null;
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            errors.Add($"{ZoneKey} is missing: set it to one of {string.Join(", ", model.Zones.Select(z => z.Id))}.");
        }
        else if (!model.IsZone(zoneId))
        {
            errors.Add($"{ZoneKey} '{zoneId}' is not a zone of the compliance model: use one of {string.Join(", ", model.Zones.Select(z => z.Id))}.");
        }
        else
        {
            zone = model.Zone(zoneId);
        }

        var key = ReadKey(configuration[SigningKeyKey], errors);

        var pools = new List<AvailablePool>();
        foreach (var section in configuration.GetSection(PoolsSection).GetChildren())
        {
            var endpoint = section["Endpoint"];
            var pool = model.Pools.FirstOrDefault(p => p.Id == section.Key);
            if (pool is null)
            {
                errors.Add($"{PoolsSection}:{section.Key}: no such pool in the compliance model (pools.yaml).");
            }
            else if (zone is not null && pool.Zone != zone.Id)
            {
                errors.Add($"{PoolsSection}:{section.Key}: the pool belongs to zone '{pool.Zone}', not '{zone.Id}'; a regional function routes only to its own zone's pools.");
            }
            else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"{PoolsSection}:{section.Key}:Endpoint must be an absolute http(s) URL (e.g. http://10.0.0.5:8000).");
            }
            else
            {
                pools.Add(new AvailablePool(pool, WithSlash(uri)));
            }
        }

        var keys = new Dictionary<string, ProviderKey>(StringComparer.Ordinal);
        var providers = zone is null ? [] : model.Routing.Of(zone.Id).ExternalProviders;
        foreach (var section in configuration.GetSection(ProvidersSection).GetChildren())
        {
            // Names only: the key itself never goes into an error.
            if (providers.All(p => p.Name != section.Key))
            {
                errors.Add($"{ProvidersSection}:{section.Key}: no external provider of that name in routing.yaml zones.{zone?.Id}.external_providers"
                    + (providers.Count == 0 ? " (it has none)." : $" (it has {string.Join(", ", providers.Select(p => p.Name))})."));
            }
            else if (section["ApiKey"] is { Length: > 0 } apiKey)
            {
                keys[section.Key] = new ProviderKey(apiKey.Trim());
            }
        }

        var firstByte = ReadPositive(configuration, FirstByteTimeoutKey, TimeSpan.FromSeconds(10), errors);
        var response = ReadPositive(configuration, ResponseTimeoutKey, TimeSpan.FromMinutes(5), errors);
        var scrape = ReadPositive(configuration, MetricsScrapeIntervalKey, TimeSpan.FromSeconds(5), errors);

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The regional function cannot start:\n  - " + string.Join("\n  - ", errors));
        }

        // Catalogue order, so equal pools are tried in the same order every time.
        var inZone = model.PoolsIn(zone!.Id);
        var available = inZone.Select(p => pools.FirstOrDefault(a => a.Pool.Id == p.Id)).OfType<AvailablePool>().ToArray();
        var unavailable = inZone.Where(p => available.All(a => a.Pool.Id != p.Id)).Select(p => p.Id).ToArray();
        // A provider serves the top tier; one without a key is not routable, and says so at start-up and in /healthz.
        var top = model.Tiers.Max(t => t.Level);
        var withKey = providers.Where(p => keys.ContainsKey(p.Name))
            .Select(p => new AvailablePool(ProviderPool.For(p, top), WithSlash(p.BaseUrl)) { Provider = p, Key = keys[p.Name] })
            .ToArray();
        var withoutKey = providers.Where(p => !keys.ContainsKey(p.Name)).Select(p => p.Name).ToArray();
        return new RegionalSettings(zone, key!, available, unavailable, withKey, withoutKey, firstByte, response, scrape);
    }

    /// <summary>Every pool and provider a request can go to: pools first, in catalogue order, then providers in policy order.</summary>
    public IReadOnlyList<AvailablePool> Routable => [.. Pools, .. Providers];

    /// <summary>The pool or provider of this id (a provider's id is its name), or null.</summary>
    public AvailablePool? Find(string? id) => Routable.FirstOrDefault(p => p.Pool.Id == id);

    // A trailing slash keeps a base path (http://host/pool-a/, https://api.example.com/v1/) when a relative path is resolved against it.
    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static byte[]? ReadKey(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{SigningKeyKey} is missing: set it to the zone's base64 signing key ({MinKeyBytes} bytes), the same the edge signs with.");
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(value);
            if (key.Length < MinKeyBytes)
            {
                errors.Add($"{SigningKeyKey} is too short: it must decode to at least {MinKeyBytes} bytes.");
            }

            return key;
        }
        catch (FormatException)
        {
            errors.Add($"{SigningKeyKey} is not valid base64.");
            return null;
        }
    }

    private static TimeSpan ReadPositive(IConfiguration configuration, string key, TimeSpan fallback, List<string> errors)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        errors.Add($"{key} must be a positive TimeSpan (e.g. 00:00:10).");
        return fallback;
    }
}
