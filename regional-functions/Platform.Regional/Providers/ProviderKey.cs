namespace Platform.Regional.Providers;

/// <summary>An external provider's API key (Regional:Providers:&lt;name&gt;:ApiKey); prints as redacted, so no log or record can show it.</summary>
internal sealed class ProviderKey(string value)
{
    public string Value { get; } = value;

    public override string ToString() => "[redacted]";
}
