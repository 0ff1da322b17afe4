using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;
using Platform.Edge.Decisions;
using Platform.Edge.Tagging;
using Platform.Edge.Telemetry;

namespace Platform.Edge.Forwarding;

/// <summary>
/// Sends a tagged request to the first zone on its list that can serve it, and streams the answer back
/// unbuffered. The list comes from the compliance model, so a PII request's list holds its home zone
/// only: when that zone cannot serve, the request fails closed and its body goes nowhere else.
/// </summary>
internal sealed class ZoneForwarder(HttpClient http, EdgeOptions options, ComplianceModel model, EdgeDecisionLogs decisions, TimeProvider time, ILogger<ZoneForwarder> log)
{
    private static readonly string[] RelayedHeaders =
        [InternalHeaders.ServedZone, InternalHeaders.HomeZone, InternalHeaders.Pool, InternalHeaders.CostUsd, InternalHeaders.BudgetCapped, "Cache-Control"];

    public async Task ForwardAsync(HttpContext context, byte[] body, EdgeDecision decision, Tenant tenant, string requestId, string requestedModel)
    {
        var ct = context.RequestAborted;
        foreach (var zone in decision.ServingZones)
        {
            if (!options.Zones.TryGetValue(zone, out var endpoint) || endpoint.Url is null || endpoint.SigningKey is null)
            {
                EdgeLog.ZoneUnavailable(log, requestId, zone, "not configured at this edge");
                continue;
            }

            var tags = decision.TagsFor(requestId, tenant.Id, zone, tenant.MaxTier, requestedModel);
            var signed = TagSigner.Sign(tags, body, Convert.FromBase64String(endpoint.SigningKey), time.GetUtcNow());
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(endpoint.Url), "v1/chat/completions"))
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(InternalHeaders.Tags, signed.Tags);
            request.Headers.Add(InternalHeaders.Timestamp, signed.Timestamp);
            request.Headers.Add(InternalHeaders.BodySha256, signed.BodySha256);
            request.Headers.Add(InternalHeaders.Signature, signed.Signature);
            EdgeTelemetry.Propagate(request);

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException e)
            {
                EdgeLog.ZoneUnavailable(log, requestId, zone, e.HttpRequestError.ToString());
                continue;
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
                {
                    EdgeLog.ZoneUnavailable(log, requestId, zone, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }

                // The zone refused the edge's own signature: a key out of step after a rotation, or clock skew. That is
                // the zone unable to serve, not the caller's fault, so it must not reach the client as a 401.
                if (response.StatusCode is HttpStatusCode.Unauthorized)
                {
                    EdgeLog.TagsRefused(log, requestId, zone);
                    continue;
                }

                EdgeLog.Routed(log, requestId, tenant.Id, decision.Home.Zone, zone, decision.DataClass.ToWire(), tags.Locale, tags.CostTier, (int)response.StatusCode);
                await RelayAsync(context, response, ct);
                await decisions.AppendAsync(decision, tenant, requestId, requestedModel, zone, response.IsSuccessStatusCode ? "ok" : "regional_error", (int)response.StatusCode);
                return;
            }
        }

        var outcome = await FailClosedAsync(context, decision, requestId);
        await decisions.AppendAsync(decision, tenant, requestId, requestedModel, null, outcome, StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<string> FailClosedAsync(HttpContext context, EdgeDecision decision, string requestId)
    {
        var home = decision.Home.Zone;
        IResult error;
        string outcome;
        if (model.DataClasses.IsPersonal(decision.DataClass))
        {
            EdgeLog.FailedClosed(log, requestId, home, decision.DataClass.ToWire());
            error = OpenAiError.Result(
                StatusCodes.Status503ServiceUnavailable,
                $"This request contains personal data (class '{decision.DataClass.ToWire()}') and may only be served in its home zone '{home}', which cannot serve it now. It was not sent to any other zone. Retry later.",
                "home_zone_unavailable");
            outcome = "failed_closed";
        }
        else
        {
            EdgeLog.NoZone(log, requestId, home);
            error = OpenAiError.Result(
                StatusCodes.Status503ServiceUnavailable,
                $"No zone allowed to serve this request ({string.Join(", ", decision.ServingZones)}) can serve it now. Retry later.",
                "no_zone_available");
            outcome = "no_zone_available";
        }

        await error.ExecuteAsync(context);
        return outcome;
    }

    private static async Task RelayAsync(HttpContext context, HttpResponseMessage response, CancellationToken ct)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var name in RelayedHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        var isEventStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await context.Response.StartAsync(ct);

        await using var upstream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await upstream.ReadAsync(buffer, ct)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                await context.Response.Body.FlushAsync(ct);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            // The regional function went away mid-answer: say so in the stream, and never end it cleanly.
            if (isEventStream)
            {
                await context.Response.WriteAsync("data: {\"error\":{\"message\":\"The regional function's stream was interrupted.\",\"type\":\"server_error\",\"param\":null,\"code\":\"upstream_interrupted\"}}\n\n", CancellationToken.None);
            }
            else
            {
                context.Abort();
            }
        }
    }
}
