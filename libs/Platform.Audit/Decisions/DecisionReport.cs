using Platform.Traces.Decisions;

namespace Platform.Audit;

/// <summary>A record that broke the policies, and why.</summary>
public sealed record DecisionViolation(DecisionRecord Record, string Reason);

/// <summary>
/// What a zone's decision log says about a time window: requests counted once each (by the regional function's record
/// when there is one, else the edge's), by data class, locale, tier and serving zone; and every record that broke policy.
/// </summary>
public sealed record DecisionReport(
    string Zone,
    DateTimeOffset From,
    DateTimeOffset To,
    int Records,
    int Requests,
    IReadOnlyDictionary<string, int> ByDataClass,
    IReadOnlyDictionary<string, int> ByLocale,
    IReadOnlyDictionary<string, int> ByTier,
    IReadOnlyDictionary<string, int> ByServingZone,
    IReadOnlyDictionary<string, int> ByOutcome,
    IReadOnlyList<DecisionViolation> Violations)
{
    /// <summary>The key under which requests that were served nowhere (failed closed, refused) are counted.</summary>
    public const string NotServed = "(not served)";
}
