namespace Platform.Contracts.Tags;

/// <summary>Headers that only the platform may set; the edge strips every client-sent header with this prefix.</summary>
public static class InternalHeaders
{
    public const string Prefix = "X-Platform-";
    public const string Tags = "X-Platform-Tags";
    public const string Timestamp = "X-Platform-Timestamp";
    public const string BodySha256 = "X-Platform-Body-Sha256";
    public const string Signature = "X-Platform-Signature";

    /// <summary>Response headers that tell a client where its request was served (no personal data).</summary>
    public const string ServedZone = "X-Platform-Served-Zone";
    public const string HomeZone = "X-Platform-Home-Zone";
    public const string Pool = "X-Platform-Pool";
    public const string RequestId = "X-Request-Id";

    /// <summary>What the request cost in USD (usage × catalogue prices, plus verifier and replaced answers).</summary>
    public const string CostUsd = "X-Platform-Cost-Usd";

    /// <summary>"true" when the zone's reasoning budget, not the client's own limit, cut the answer.</summary>
    public const string BudgetCapped = "X-Platform-Budget-Capped";

    public static bool IsInternal(string headerName) => headerName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
