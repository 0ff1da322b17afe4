namespace Platform.Infra.Plan;

/// <summary>
/// One value of a Pulumi stack file's <c>config:</c> map: a scalar, a list or a map (Pulumi structured config),
/// or a <c>secure:</c> ciphertext, which the plan only ever sees as "set": Pulumi decrypts it, not us.
/// </summary>
public sealed record ConfigValue(
    string Key,
    int Line,
    string? Scalar,
    IReadOnlyList<string>? List,
    IReadOnlyDictionary<string, ConfigValue>? Map,
    bool Secret);
