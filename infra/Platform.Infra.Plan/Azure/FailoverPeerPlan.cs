namespace Platform.Infra.Plan;

/// <summary>
/// A zone the edge may forward requests to when its own zone cannot serve them, as the compliance model allows
/// (flows.yaml). Each stack deploys only its own zone, so the peer's regional URL and signing key come from the
/// peer's stack outputs (<see cref="UrlOutput"/>, <see cref="SigningKeyOutput"/>) through a Pulumi stack reference,
/// into the edge's app settings <see cref="UrlSetting"/> and <see cref="SigningKeySetting"/>.
/// </summary>
/// <param name="Zone">The peer zone.</param>
/// <param name="Organization">The Pulumi organization of the peer's stack (<c>platform:stackOrganization</c>); null: the organization of the stack being deployed.</param>
/// <param name="Stack">The peer's stack name: stacks are named after the zone they deploy.</param>
public sealed record FailoverPeerPlan(string Zone, string? Organization, string Stack, string UrlSetting, string SigningKeySetting)
{
    /// <summary>The stack output holding the stack's regional Function URL.</summary>
    public const string UrlOutput = "regionalUrl";

    /// <summary>The secret stack output holding the stack's tag-signing key, the one its regional function verifies with.</summary>
    public const string SigningKeyOutput = "regionalSigningKey";

    /// <summary>The fully qualified name a stack reference takes: <c>&lt;organization&gt;/&lt;project&gt;/&lt;stack&gt;</c>.</summary>
    /// <param name="currentOrganization">The organization of the stack being deployed; a DIY backend calls it <c>organization</c>.</param>
    /// <param name="project">The Pulumi project, which the peer's stack shares (Pulumi.yaml).</param>
    public string StackReferenceName(string currentOrganization, string project) => $"{Organization ?? currentOrganization}/{project}/{Stack}";
}
