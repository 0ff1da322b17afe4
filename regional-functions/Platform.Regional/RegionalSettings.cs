using Platform.Compliance;

namespace Platform.Regional;

/// <summary>A pool of this zone with an endpoint configured: the only pools a request can go to.</summary>
internal sealed record AvailablePool(Pool Pool, Uri Endpoint);

/// <summary>This instance's configuration, read and validated once at start-up.</summary>
internal sealed record RegionalSettings(
    Zone Zone,
    byte[] SigningKey,
    IReadOnlyList<AvailablePool> Pools,
    IReadOnlyList<string> UnavailablePools,
    TimeSpan FirstByteTimeout,
    TimeSpan ResponseTimeout,
    TimeSpan MetricsScrapeInterval)
{
    public const string ZoneKey = "Regional:Zone";
    public const string SigningKeyKey = "Regional:SigningKey";
    public const string PoolsSection = "Regional:Pools";
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
                // A trailing slash keeps a base path (http://host/pool-a/) when "v1/…" is resolved against it.
                pools.Add(new AvailablePool(pool, uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/")));
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
        return new RegionalSettings(zone, key!, available, unavailable, firstByte, response, scrape);
    }

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
