using System.Net;
using System.Text.Json;
using Platform.Compliance;
using Platform.Contracts.Tags;

namespace Platform.Regional.Tests.Tagging;

public sealed class TagGateHttpTests : IAsyncLifetime
{
    private FakePool _pool = null!;
    private RegionalHost _sgp = null!;

    public async ValueTask InitializeAsync()
    {
        _pool = await FakePool.AnsweringAsync();
        _sgp = await RegionalHost.StartAsync("sgp", new Dictionary<string, string> { ["sgp-h100-fast-a"] = _pool.Url });
    }

    public async ValueTask DisposeAsync()
    {
        await _sgp.DisposeAsync();
        await _pool.DisposeAsync();
    }

    [Fact]
    public async Task SignedRequest_IsServed_WithWhereItRanInTheHeaders()
    {
        var tags = RegionalHost.Tags();

        using var response = await Send(_sgp.Signed(tags, RegionalHost.ChatBody()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.ServedZone).ShouldBe(["sgp"]);
        response.Headers.GetValues(InternalHeaders.HomeZone).ShouldBe(["sgp"]);
        response.Headers.GetValues(InternalHeaders.Pool).ShouldBe(["sgp-h100-fast-a"]);
        response.Headers.GetValues(InternalHeaders.RequestId).ShouldBe([tags.RequestId]);
    }

    [Fact]
    public async Task RequestWithoutTags_Is401InOpenAiFormat()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(RegionalHost.ChatBody()) };

        await ShouldBeRefused(await Send(request), 401, "missing_tags");
    }

    [Fact]
    public async Task ForgedSignature_Is401()
    {
        var request = _sgp.Signed(RegionalHost.Tags(), RegionalHost.ChatBody());
        request.Headers.Remove(InternalHeaders.Signature);
        request.Headers.Add(InternalHeaders.Signature, "v1=" + new string('a', 64));

        await ShouldBeRefused(await Send(request), 401, "invalid_signature");
    }

    [Fact]
    public async Task TagsSignedWithAnotherZonesKey_Are401_AndTheMessageHoldsNoKey()
    {
        var response = await Send(_sgp.Signed(RegionalHost.Tags(), RegionalHost.ChatBody(), key: RegionalHost.FraKey));

        var body = await ShouldBeRefused(response, 401, "invalid_signature");
        body.ShouldNotContain(Convert.ToBase64String(RegionalHost.SgpKey));
        body.ShouldNotContain(Convert.ToBase64String(RegionalHost.FraKey));
    }

    [Fact]
    public async Task TagsSigned61SecondsAgo_Are401Expired()
    {
        await ShouldBeRefused(await Send(_sgp.Signed(RegionalHost.Tags(), RegionalHost.ChatBody(), at: DateTimeOffset.UtcNow.AddSeconds(-61))), 401, "expired_tags");
    }

    [Fact]
    public async Task BodyChangedAfterSigning_Is401()
    {
        var request = _sgp.Signed(RegionalHost.Tags(), RegionalHost.ChatBody(), sentBody: RegionalHost.ChatBody("frontier"));

        await ShouldBeRefused(await Send(request), 401, "body_mismatch");
    }

    [Fact]
    public async Task TagsForAnotherZone_Are403()
    {
        await ShouldBeRefused(await Send(_sgp.Signed(RegionalHost.Tags(zone: "fra"), RegionalHost.ChatBody())), 403, "wrong_zone");
    }

    [Fact]
    public async Task RequestIdThatCannotKeyATrace_Is401()
    {
        var tags = RegionalHost.Tags() with { RequestId = "../../etc/passwd" };

        await ShouldBeRefused(await Send(_sgp.Signed(tags, RegionalHost.ChatBody())), 401, "invalid_tags");
        _pool.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReplayedRequestId_Is401()
    {
        var tags = RegionalHost.Tags();
        (await Send(_sgp.Signed(tags, RegionalHost.ChatBody()))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldBeRefused(await Send(_sgp.Signed(tags, RegionalHost.ChatBody())), 401, "replayed_request");
    }

    [Fact]
    public async Task PersonalDataOfAnotherHomeZone_Is403_EvenWhenTheEdgeSignedIt()
    {
        var tags = RegionalHost.Tags(home: "fra", dataClass: DataClass.Direct);

        var body = await ShouldBeRefused(await Send(_sgp.Signed(tags, RegionalHost.ChatBody())), 403, "zone_not_allowed");

        body.ShouldContain("personal data may only be served in its home zone");
        _pool.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task NonPersonalRequestOfAnotherHomeZone_MayFailOverHere()
    {
        using var response = await Send(_sgp.Signed(RegionalHost.Tags(home: "fra"), RegionalHost.ChatBody()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues(InternalHeaders.HomeZone).ShouldBe(["fra"]);
    }

    [Fact]
    public async Task BodyOver4MB_Is413()
    {
        var huge = RegionalHost.ChatBody().Replace("Say hello", new string('x', 4 * 1024 * 1024), StringComparison.Ordinal);

        await ShouldBeRefused(await Send(_sgp.Signed(RegionalHost.Tags(), huge)), 413, "request_too_large");
    }

    [Fact]
    public async Task MalformedBodyWithValidTags_Is400WithTheParam()
    {
        var body = await ShouldBeRefused(await Send(_sgp.Signed(RegionalHost.Tags(), """{"model":"fast","messages":[]}""")), 400, "invalid_request");

        JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("param").GetString().ShouldBe("messages");
    }

    private Task<HttpResponseMessage> Send(HttpRequestMessage request) => _sgp.Client.SendAsync(request, TestContext.Current.CancellationToken);

    private static async Task<string> ShouldBeRefused(HttpResponseMessage response, int status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            ((int)response.StatusCode).ShouldBe(status, body);
            var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
            error.GetProperty("code").GetString().ShouldBe(code);
            error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
            error.GetProperty("type").GetString().ShouldBe(Platform.Contracts.OpenAi.OpenAiError.TypeFor(status));
            return body;
        }
    }
}
