namespace Platform.Compliance;

/// <summary>An organisation calling the platform (tenants.yaml); <see cref="HomeZone"/> pins all its requests.</summary>
public sealed record Tenant(string Id, string Description, string? HomeZone, int MaxTier, Origin Origin)
{
    public const string Public = "public";
}
