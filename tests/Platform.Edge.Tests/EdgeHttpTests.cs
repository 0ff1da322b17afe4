using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Tags;

namespace Platform.Edge.Tests;

/// <summary>The edge through real HTTP on loopback, with fake regional functions behind it.</summary>
public sealed class EdgeHttpTests : IAsyncLifetime
{
    private static readonly byte[] SgpKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] FraKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] CnKey = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, FakeRegional> _zones = [];
    private readonly string _data = Path.Combine(Path.GetTempPath(), "edge-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication _edge = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        foreach (var zone in new[] { "sgp", "fra", "cn" })
        {
            _zones[zone] = await FakeRegional.StartAsync();
        }

        _edge = EdgeApp.Create([
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Edge:Zone=sgp",
            "--Edge:TrustLoopback=true",
            "--Edge:HomeZones:0=sgp",
            "--Edge:HomeZones:1=fra",
            "--Edge:HomeZones:2=cn",
            $"--Edge:ApiKeys:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sk-acme")))}=acme-shanghai",
            .. new[] { ("sgp", SgpKey), ("fra", FraKey), ("cn", CnKey) }.SelectMany(z => new[]
            {
                $"--Edge:Zones:{z.Item1}:Url={_zones[z.Item1].Url}",
                $"--Edge:Zones:{z.Item1}:SigningKey={Convert.ToBase64String(z.Item2)}",
                $"--Edge:Zones:{z.Item1}:DecisionLogDirectory={Path.Combine(_data, z.Item1)}",
            }),
        ]);
        await _edge.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_edge.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };
        _client.DefaultRequestHeaders.Authorization = new("Bearer", "sk-anything");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _edge.DisposeAsync();
        foreach (var z in _zones.Values)
        {
            await z.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private string[] DecisionLines(string zone) =>
        Directory.Exists(Path.Combine(_data, zone))
            ? Directory.GetFiles(Path.Combine(_data, zone), "*.jsonl", SearchOption.AllDirectories).SelectMany(File.ReadAllLines).ToArray()
            : [];

    private static HttpRequestMessage Chat(string prompt, string? country = null, string model = "auto")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model, messages = new[] { new { role = "user", content = prompt } } }),
        };
        if (country is not null)
        {
            request.Headers.Add("X-Client-Country", country);
        }

        return request;
    }

    private const string PrcIdPrompt = "帮我填表：申请人身份证号 11010519491231002X，谢谢";

    [Fact]
    public async Task PiiRequest_HomeZoneDown_FailsClosed_AndReachesNoOtherZone()
    {
        _zones["cn"].Status = 503;

        var response = await _client.SendAsync(Chat(PrcIdPrompt, "CN"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("home_zone_unavailable");
        error.GetProperty("message").GetString()!.ShouldContain("home zone 'cn'");
        error.GetProperty("message").GetString()!.ShouldNotContain("11010519491231002X");
        _zones["cn"].Received.Count.ShouldBe(1);
        _zones["sgp"].Received.ShouldBeEmpty();
        _zones["fra"].Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailedClosedPiiRequest_IsRecordedInItsHomeZonesDecisionLog_WithTypeNamesOnly()
    {
        _zones["cn"].Status = 503;

        await _client.SendAsync(Chat(PrcIdPrompt, "CN"));

        var record = JsonDocument.Parse(DecisionLines("cn").ShouldHaveSingleItem()).RootElement;
        record.GetProperty("outcome").GetString().ShouldBe("failed_closed");
        record.GetProperty("home_zone").GetString().ShouldBe("cn");
        record.TryGetProperty("serving_zone", out _).ShouldBeFalse("no zone served it");
        record.GetProperty("pii_types").EnumerateArray().Select(t => t.GetString()).ShouldContain("prc_id");
        record.GetRawText().ShouldNotContain("11010519491231002X");
        DecisionLines("sgp").ShouldBeEmpty();
        DecisionLines("fra").ShouldBeEmpty();
    }

    [Fact]
    public async Task NonPiiRequest_HomeZoneDown_FailsOverToTheAllowedZone()
    {
        _zones["sgp"].Status = 503;

        var response = await _client.SendAsync(Chat("Write a haiku about the sea.", "SG"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _zones["sgp"].Received.Count.ShouldBe(1);
        var (headers, _) = _zones["fra"].Received.ShouldHaveSingleItem();
        var (verdict, tags) = TagSigner.Verify(headers[InternalHeaders.Tags], headers[InternalHeaders.Timestamp], headers[InternalHeaders.BodySha256], headers[InternalHeaders.Signature], _zones["fra"].Received.Single().Body, "fra", FraKey, DateTimeOffset.UtcNow);
        verdict.ShouldBe(TagVerdict.Valid);
        tags!.HomeZone.ShouldBe("sgp");
        tags.ServingZone.ShouldBe("fra");
        JsonDocument.Parse(DecisionLines("fra").ShouldHaveSingleItem()).RootElement.GetProperty("serving_zone").GetString().ShouldBe("fra");
        DecisionLines("sgp").ShouldBeEmpty();
    }

    [Fact]
    public async Task ZoneRefusingTheEdgesSignature_CountsAsUnavailable_NotAsTheCallersBadKey()
    {
        _zones["sgp"].Status = 401; // sgp's key was rotated and this edge still signs with the old one
        _zones["cn"].Status = 401;

        var plain = await _client.SendAsync(Chat("Write a haiku about the sea.", "SG"));
        var personal = await _client.SendAsync(Chat(PrcIdPrompt, "CN"));

        plain.StatusCode.ShouldBe(HttpStatusCode.OK);
        _zones["fra"].Received.Count.ShouldBe(1);
        personal.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await personal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString().ShouldBe("home_zone_unavailable");
    }

    [Fact]
    public async Task ForwardedRequest_IsSignedForItsZone_CarriesTypesNotValues_AndTheBodyUnchanged()
    {
        var request = Chat(PrcIdPrompt, "CN");
        var sent = await request.Content!.ReadAsByteArrayAsync();

        (await _client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (headers, body) = _zones["cn"].Received.ShouldHaveSingleItem();
        body.ShouldBe(sent);
        var (verdict, tags) = TagSigner.Verify(headers[InternalHeaders.Tags], headers[InternalHeaders.Timestamp], headers[InternalHeaders.BodySha256], headers[InternalHeaders.Signature], body, "cn", CnKey, DateTimeOffset.UtcNow);
        verdict.ShouldBe(TagVerdict.Valid);
        tags!.PiiTypes.ShouldContain("prc_id");
        tags.DataClass.ShouldBe(Platform.Compliance.DataClass.Direct);
        Encoding.UTF8.GetString(Convert.FromBase64String(Pad(headers[InternalHeaders.Tags]!))).ShouldNotContain("11010519491231002X");
    }

    [Fact]
    public async Task ClientSentInternalHeaders_AreNeverForwarded()
    {
        var request = Chat("hello there", "SG");
        request.Headers.Add(InternalHeaders.Tags, "forged");
        request.Headers.Add("X-Platform-Anything", "x");

        await _client.SendAsync(request);

        var (headers, _) = _zones["sgp"].Received.ShouldHaveSingleItem();
        headers[InternalHeaders.Tags].ToString().ShouldNotBe("forged");
        headers.ContainsKey("X-Platform-Anything").ShouldBeFalse();
        headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task PinnedTenant_IsServedInItsZone_WhateverItsCountry()
    {
        var request = Chat("hello there", "DE");
        request.Headers.Authorization = new("Bearer", "sk-acme");

        await _client.SendAsync(request);

        _zones["cn"].Received.Count.ShouldBe(1);
        _zones["fra"].Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task TagsEndpoint_ReturnsTheDecision_WithoutForwarding()
    {
        var response = await _client.PostAsJsonAsync("/v1/tags", new { model = "auto", stream = true, messages = new[] { new { role = "user", content = PrcIdPrompt } } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tags = await response.Content.ReadFromJsonAsync<JsonElement>();
        tags.GetProperty("locale").GetString().ShouldBe("zh-Hans");
        tags.GetProperty("pii_class").GetString().ShouldBe("direct");
        tags.GetProperty("pii").EnumerateArray().ShouldContain(p => p.GetProperty("type").GetString() == "prc_id" && p.GetProperty("value").GetString() == "11010519491231002X");
        tags.GetProperty("home_zone").GetString().ShouldBe("sgp"); // no country header: the edge's own zone
        tags.GetProperty("latency_budget_ms").GetInt32().ShouldBe(2000);
        tags.GetProperty("cost_tier").GetInt32().ShouldBe(0);
        _zones.Values.ShouldAllBe(z => z.Received.IsEmpty);
    }

    [Fact]
    public async Task CountryHeaderFromAnUntrustedAddress_IsIgnored()
    {
        await using var strict = EdgeApp.Create([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Edge:Zone=fra",
            $"--Edge:Zones:fra:Url={_zones["fra"].Url}", $"--Edge:Zones:fra:SigningKey={Convert.ToBase64String(FraKey)}"]);
        await strict.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(strict.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "k");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tags") { Content = JsonContent.Create(new { model = "auto", messages = new[] { new { role = "user", content = "hi" } } }) };
        request.Headers.Add("X-Client-Country", "CN");

        var tags = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        tags.GetProperty("home_zone").GetString().ShouldBe("fra");
    }

    [Theory]
    [InlineData("sk-acme", null)] // a tenant pinned to cn
    [InlineData("sk-anything", "DE")] // a public caller whose front door says Germany
    public async Task DeployedEdge_RefusesARequestHomedInAnotherZone_BeforeReadingItsBody(string apiKey, string? country)
    {
        // A deployed sgp edge: it reads its own zone's requests only, though it could reach the others.
        await using var deployed = EdgeApp.Create([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Edge:Zone=sgp", "--Edge:TrustLoopback=true",
            $"--Edge:ApiKeys:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sk-acme")))}=acme-shanghai",
            .. new[] { ("sgp", SgpKey), ("fra", FraKey), ("cn", CnKey) }.SelectMany(z => new[]
            {
                $"--Edge:Zones:{z.Item1}:Url={_zones[z.Item1].Url}",
                $"--Edge:Zones:{z.Item1}:SigningKey={Convert.ToBase64String(z.Item2)}",
            }),
        ]);
        await deployed.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(deployed.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);

        foreach (var path in new[] { "/v1/chat/completions", "/v1/tags" })
        {
            // Not even JSON: a 421 rather than a 400 shows the body was never parsed.
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{not json 张伟 110105199003077777", Encoding.UTF8, "application/json") };
            if (country is not null)
            {
                request.Headers.Add("X-Client-Country", country);
            }

            var response = await client.SendAsync(request);

            ((int)response.StatusCode).ShouldBe(421);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            error.GetProperty("code").GetString().ShouldBe("wrong_jurisdiction");
            error.GetProperty("message").GetString()!.ShouldContain("accepted only by that zone's edge");
            error.GetProperty("message").GetString()!.ShouldNotContain("110105");
        }

        _zones.Values.ShouldAllBe(z => z.Received.IsEmpty);
    }

    [Theory]
    [InlineData("{not json", 400, "invalid_request")]
    [InlineData("{\"model\":\"auto\",\"messages\":[]}", 400, "invalid_request")]
    [InlineData("{\"model\":\"gpt-17\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", 404, "model_not_found")]
    public async Task BadInput_GetsAnOpenAiError(string body, int status, string code)
    {
        var response = await _client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString().ShouldBe(code);
        _zones.Values.ShouldAllBe(z => z.Received.IsEmpty);
    }

    [Fact]
    public async Task TenMegabyteBody_Gets413()
    {
        var response = await _client.PostAsync("/v1/chat/completions", new ByteArrayContent(new byte[10 * 1024 * 1024]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("type").GetString().ShouldBe("invalid_request_error");
    }

    [Fact]
    public async Task MissingApiKey_Gets401()
    {
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };

        var response = await anonymous.SendAsync(Chat("hi"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string Pad(string b64url)
    {
        var s = b64url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }
}
