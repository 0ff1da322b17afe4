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

    /// <summary>
    /// The refusal for a request homed in a zone this edge is not deployed for, or null when the edge may read it.
    /// Decided from the caller alone, before the body is read: a prompt reaches no edge outside its home zone.
    /// </summary>
    public static string? ForeignEdge(HomeZoneDecision home, IReadOnlyList<string> acceptedHomeZones) =>
        acceptedHomeZones.Contains(home.Zone) ? null
        : $"Requests homed in zone '{home.Zone}' (by {home.Reason}) are accepted only by that zone's edge; this edge serves "
          + $"'{string.Join("', '", acceptedHomeZones)}'. Send the request to the {home.Zone} endpoint. Its body was not read.";
}
