using System.Net;
using System.Security.Cryptography;
using System.Text;
using Platform.Compliance;

namespace Platform.Edge.Callers;

/// <summary>Who is calling (tenant from the API key) and which of their claims can be trusted (the country header).</summary>
internal sealed class CallerIdentity
{
    private readonly EdgeOptions _options;
    private readonly ComplianceModel _model;
    private readonly IPNetwork[] _trusted;

    public CallerIdentity(EdgeOptions options, ComplianceModel model)
    {
        _options = options;
        _model = model;
        _trusted = options.TrustedProxies.Select(p => p.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(p) : new IPNetwork(IPAddress.Parse(p), IPAddress.Parse(p).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)).ToArray();
    }

    /// <summary>The tenant for a bearer key, or null when the key is missing or (in strict mode) unknown.</summary>
    public Tenant? TenantOf(string? authorization)
    {
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length == bearer.Length)
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(authorization[bearer.Length..].Trim())));
        if (_options.ApiKeys.TryGetValue(hash, out var tenantId))
        {
            return _model.Tenant(tenantId);
        }

        return _options.RequireKnownApiKey ? null : _model.Tenant(Tenant.Public);
    }

    /// <summary>The country header's value when the request came from a trusted front door; otherwise it is ignored.</summary>
    public string? TrustedCountry(IPAddress? remote, string? headerValue)
    {
        if (headerValue is null || remote is null)
        {
            return null;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        var trusted = (_options.TrustLoopback && IPAddress.IsLoopback(remote)) || _trusted.Any(n => n.Contains(remote));
        return trusted ? headerValue.Trim() : null;
    }
}
