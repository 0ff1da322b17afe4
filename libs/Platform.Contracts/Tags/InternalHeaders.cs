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

    public static bool IsInternal(string headerName) => headerName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
