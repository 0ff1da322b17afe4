using System.Net;
using Microsoft.Extensions.Options;
using Platform.Compliance;

namespace Platform.Edge;

/// <summary>Refuses a misconfigured edge at start, listing every problem with the key to fix.</summary>
internal sealed class EdgeOptionsValidator(ComplianceModel model) : IValidateOptions<EdgeOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var errors = new List<string>();
        if (!model.IsZone(options.Zone))
        {
            errors.Add($"Edge:Zone '{options.Zone}' is not a zone; use one of {string.Join(", ", model.Zones.Select(z => z.Id))}.");
        }

        foreach (var zone in options.AcceptedHomeZones.Where(z => !options.Zones.ContainsKey(z)))
        {
            errors.Add($"Edge:HomeZones lists '{zone}', but Edge:Zones:{zone} has no regional function to serve its requests; add its Url and SigningKey.");
        }

        foreach (var (zone, endpoint) in options.Zones)
        {
            if (!model.IsZone(zone))
            {
                errors.Add($"Edge:Zones:{zone} is not a zone; use one of {string.Join(", ", model.Zones.Select(z => z.Id))}.");
            }

            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add($"Edge:Zones:{zone}:Url must be the absolute http(s) URL of that zone's regional function.");
            }

            if (!IsKey(endpoint.SigningKey))
            {
                errors.Add($"Edge:Zones:{zone}:SigningKey must be base64 of at least 32 random bytes (the same key as that zone's Regional:SigningKey).");
            }
        }

        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPNetwork.TryParse(proxy, out _) && !IPAddress.TryParse(proxy, out _))
            {
                errors.Add($"Edge:TrustedProxies entry '{proxy}' is neither an IP address nor a CIDR range.");
            }
        }

        foreach (var (hash, tenant) in options.ApiKeys)
        {
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            {
                errors.Add("Edge:ApiKeys keys must be the lower-case hex SHA-256 of an API key (64 characters), never the key itself.");
            }

            if (model.Tenant(tenant) is null)
            {
                errors.Add($"Edge:ApiKeys maps a key to unknown tenant '{tenant}'; add it to policies/tenants.yaml or fix the name.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsKey(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written >= 32;
    }
}
