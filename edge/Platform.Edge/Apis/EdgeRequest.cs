using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Edge.Callers;
using Platform.Edge.Tagging;
using Platform.Edge.Zones;

namespace Platform.Edge.Apis;

/// <summary>A request the edge has authenticated, read, parsed and tagged; or the OpenAI-style error to answer instead.</summary>
internal sealed record EdgeRequest(string RequestId, Tenant Tenant, byte[] Body, ChatRequest Chat, EdgeDecision Decision)
{
    public static async Task<(EdgeRequest? Request, IResult? Error)> ReadAsync(
        HttpContext context, EdgeOptions options, ComplianceModel model, CallerIdentity identity, RequestTagger tagger, ILogger log)
    {
        var requestId = "req_" + Guid.NewGuid().ToString("N");
        context.Response.Headers[Platform.Contracts.Tags.InternalHeaders.RequestId] = requestId;

        IResult Reject(int status, string message, string code, string? param = null)
        {
            EdgeLog.Rejected(log, requestId, status, code);
            return OpenAiError.Result(status, message, code, param);
        }

        var tenant = identity.TenantOf(context.Request.Headers.Authorization);
        if (tenant is null)
        {
            return (null, Reject(401, "Missing or unknown API key. Send it as 'Authorization: Bearer <key>'.", "invalid_api_key"));
        }

        var home = HomeZoneRule.Decide(
            model, tenant, identity.TrustedCountry(context.Connection.RemoteIpAddress, context.Request.Headers[options.ClientCountryHeader].FirstOrDefault()), options.Zone);
        if (HomeZoneRule.ForeignEdge(home, options.AcceptedHomeZones) is { } misdirected)
        {
            return (null, Reject(StatusCodes.Status421MisdirectedRequest, misdirected, "wrong_jurisdiction"));
        }

        var body = await ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return (null, Reject(413, $"The request body exceeds the limit of {options.MaxBodyBytes} bytes.", "request_too_large"));
        }

        var (chat, error, param) = ChatRequest.Parse(body);
        if (chat is null)
        {
            return (null, Reject(400, error!, "invalid_request", param));
        }

        var facts = new EdgeFacts(
            chat,
            tenant,
            home,
            context.Request.Headers[LatencyBudget.Header].FirstOrDefault(),
            context.Request.Headers.AcceptLanguage.FirstOrDefault());
        var (decision, rejection) = tagger.Decide(facts);
        if (rejection is not null)
        {
            return (null, Reject(rejection.Status, rejection.Message, rejection.Code, rejection.Param));
        }

        return (new EdgeRequest(requestId, tenant, body, chat, decision!), null);
    }

    /// <summary>The whole body, or null once it passes the limit (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
