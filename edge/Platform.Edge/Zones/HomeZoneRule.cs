using Platform.Compliance;

namespace Platform.Edge.Zones;

internal sealed record HomeZoneDecision(string Zone, string Reason);

/// <summary>
/// A request's home jurisdiction: the zone its tenant is pinned to, else the zone that is home to the
/// client's country (as the trusted front door reports it), else the edge's own zone.
/// </summary>
internal static class HomeZoneRule
{
    public static HomeZoneDecision Decide(ComplianceModel model, Tenant tenant, string? trustedCountry, string edgeZone)
    {
        if (tenant.HomeZone is { } pinned)
        {
            return new HomeZoneDecision(pinned, "tenant");
        }

        if (trustedCountry is { Length: 2 } && char.IsAsciiLetter(trustedCountry[0]) && char.IsAsciiLetter(trustedCountry[1]))
        {
            return new HomeZoneDecision(model.HomeZoneOfCountry(trustedCountry.ToUpperInvariant()), "country");
        }

        return new HomeZoneDecision(edgeZone, "edge");
    }
}
