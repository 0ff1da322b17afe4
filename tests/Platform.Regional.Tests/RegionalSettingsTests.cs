namespace Platform.Regional.Tests;

public sealed class RegionalSettingsTests
{
    private static readonly string GoodKey = Convert.ToBase64String(RegionalHost.SgpKey);

    [Fact]
    public void UnknownZone_RefusesToStart()
    {
        Refused("--Regional:Zone=mars", $"--Regional:SigningKey={GoodKey}").ShouldContain("Regional:Zone 'mars' is not a zone");
    }

    [Fact]
    public void MissingOrShortSigningKey_RefusesToStart()
    {
        Refused("--Regional:Zone=sgp").ShouldContain("Regional:SigningKey is missing");
        Refused("--Regional:Zone=sgp", $"--Regional:SigningKey={Convert.ToBase64String(new byte[16])}").ShouldContain("Regional:SigningKey is too short");
    }

    [Fact]
    public void EndpointForAPoolOfAnotherZone_RefusesToStart()
    {
        Refused("--Regional:Zone=sgp", $"--Regional:SigningKey={GoodKey}", "--Regional:Pools:fra-h100-fast-a:Endpoint=http://127.0.0.1:9")
            .ShouldContain("Regional:Pools:fra-h100-fast-a: the pool belongs to zone 'fra', not 'sgp'");
    }

    [Fact]
    public void EveryProblem_IsListedAtOnce()
    {
        var message = Refused("--Regional:Zone=mars", "--Regional:Pools:nope:Endpoint=http://127.0.0.1:9");

        message.ShouldContain("Regional:Zone");
        message.ShouldContain("Regional:SigningKey");
        message.ShouldContain("Regional:Pools:nope");
    }

    private static string Refused(params string[] args) =>
        Should.Throw<InvalidOperationException>(() => RegionalApp.Create(args)).Message;
}
