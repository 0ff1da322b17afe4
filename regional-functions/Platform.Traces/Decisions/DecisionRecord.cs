using System.Text.RegularExpressions;
using Platform.Compliance;
using Platform.Contracts.Tags;

namespace Platform.Traces.Decisions;

/// <summary>Which part of the platform wrote a decision record.</summary>
public enum DecisionSource
{
    /// <summary>The edge, when it routed (or refused) the request.</summary>
    Edge,

    /// <summary>The regional function, when it served (or failed) the request.</summary>
    Regional,
}

/// <summary>
/// One line of a zone's decision log: where a request was routed or served and why, for auditors. It holds metadata
/// only: the names of the personal-data types found, never a prompt, an answer or a personal-data value.
/// </summary>
/// <param name="ServingZone">The zone chosen to serve; null when none was (a PII request whose home zone could not serve fails closed).</param>
/// <param name="Outcome">A short code, like <c>ok</c>, <c>failed_closed</c>, <c>pool_error</c>, <c>client_cancelled</c>.</param>
/// <param name="Status">The HTTP status returned to the caller.</param>
/// <param name="TraceKey">The object key of the request's reasoning trace in the serving zone, when one was written.</param>
public sealed partial record DecisionRecord(
    string RequestId,
    DateTimeOffset Time,
    DecisionSource Source,
    string Tenant,
    string HomeZone,
    string? ServingZone,
    string? Pool,
    string? Model,
    DataClass DataClass,
    IReadOnlyList<string> PiiTypes,
    string Locale,
    int CostTier,
    int LatencyBudgetMs,
    string Outcome,
    int Status,
    string? TraceKey)
{
    /// <summary>The tier that served the request, after any promotion (regional records only).</summary>
    public int? Tier { get; init; }

    /// <summary>The cap on completion tokens the pool was sent (regional records only).</summary>
    public int? CompletionTokenCap { get; init; }

    /// <summary>Whether that cap cut the answer.</summary>
    public bool? BudgetCapped { get; init; }

    /// <summary>Whether a verifier rejected the first answer and a higher tier answered.</summary>
    public bool? Promoted { get; init; }

    /// <summary>What the request cost, USD, verifier and retries included (regional records only).</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>The record for a request the edge tagged: everything but where and how it ended comes from the signed tags.</summary>
    public static DecisionRecord FromTags(
        RequestTags tags, DecisionSource source, DateTimeOffset time, string? servingZone, string? pool, string? model, string outcome, int status, string? traceKey) =>
        new(tags.RequestId, time, source, tags.Tenant, tags.HomeZone, servingZone, pool, model, tags.DataClass, tags.PiiTypes, tags.Locale,
            tags.CostTier, tags.LatencyBudgetMs, outcome, status, traceKey);

    /// <summary>
    /// Why this record may not be written, or null. Free-text fields are held to the shapes of identifiers, so a
    /// caller's mistake (a value where a type name belongs) is refused rather than stored.
    /// </summary>
    public string? Problem()
    {
        if (!Identifier().IsMatch(RequestId))
        {
            return "The request id may hold only letters, digits, '-' and '_'.";
        }

        if (PiiTypes.FirstOrDefault(t => !TypeName().IsMatch(t)) is not null)
        {
            return "A PII type must be a type name (lower-case letters, digits and '_'), never a value.";
        }

        foreach (var (name, value) in new[] { ("tenant", Tenant), ("home zone", HomeZone), ("serving zone", ServingZone), ("pool", Pool), ("model", Model), ("outcome", Outcome), ("locale", Locale) })
        {
            if (value is not null && !Identifier().IsMatch(value))
            {
                return $"The {name} must be an identifier (letters, digits, '-', '_', '.').";
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,47}$")]
    private static partial Regex TypeName();
}
