using System.Net.Http.Headers;
using Platform.Compliance;
using Platform.Contracts.Tags;
using Platform.Local;

namespace Platform.Benchmarks.Load;

/// <summary>Where a load run sends its requests: a pool directly, the regional function (tags signed as the edge would), or the edge.</summary>
internal sealed record LoadTarget(string Name, Func<bool, HttpRequestMessage> Request)
{
    private const string Prompt = "Write a short poem about rivers.";
    private const int MaxTokens = 32;

    public static IReadOnlyList<LoadTarget> For(LocalPlatform platform, Pool pool)
    {
        var key = platform.SigningKeys[pool.Zone];
        return
        [
            new("pool", stream => Post(new Uri(platform.Pools[pool.Id].Url, "v1/chat/completions"), Body(pool.Model.Id, stream))),
            new("regional → pool", stream =>
            {
                var body = Body("fast", stream);
                var request = Post(new Uri(platform.RegionalUrls[pool.Zone], "v1/chat/completions"), body);
                var signed = TagSigner.Sign(Tags(pool.Zone), body, key, DateTimeOffset.UtcNow);
                request.Headers.Add(InternalHeaders.Tags, signed.Tags);
                request.Headers.Add(InternalHeaders.Timestamp, signed.Timestamp);
                request.Headers.Add(InternalHeaders.BodySha256, signed.BodySha256);
                request.Headers.Add(InternalHeaders.Signature, signed.Signature);
                return request;
            }),
            new("edge → regional → pool", stream =>
            {
                var request = Post(new Uri(platform.EdgeUrl, "v1/chat/completions"), Body("fast", stream));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-load");
                request.Headers.Add("X-Client-Country", "SG");
                return request;
            }),
        ];
    }

    private static byte[] Body(string model, bool stream) => System.Text.Encoding.UTF8.GetBytes(
        $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"max_tokens":{{MaxTokens}},"messages":[{"role":"user","content":"{{Prompt}}"}]}""");

    private static HttpRequestMessage Post(Uri url, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    private static RequestTags Tags(string zone) => new()
    {
        RequestId = "req_" + Guid.NewGuid().ToString("N"),
        Tenant = "public",
        Locale = "en",
        DataClass = DataClass.None,
        PiiTypes = [],
        HomeZone = zone,
        ServingZone = zone,
        LatencyBudgetMs = 15_000,
        CostTier = 0,
        MaxTier = 3,
        RequestedModel = "fast",
    };
}
