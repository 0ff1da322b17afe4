using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.OpenAi;
using Platform.Traces.Expiry;

namespace Platform.Traces;

/// <summary>
/// The endpoint an EventBridge schedule reaches through the Lambda Web Adapter, which posts non-HTTP events to
/// <see cref="Path"/>: every registered expiry sweep runs once, so a zone whose function stays cold still deletes traces
/// and decision records on time instead of waiting for the bucket's lifecycle rule, which S3 applies days late at worst.
/// </summary>
public static class ExpirySweepEvents
{
    /// <summary>The adapter's pass-through path (<c>AWS_LWA_PASS_THROUGH_PATH</c>); the deployment plan sets it from here.</summary>
    public const string Path = "/events";

    public static IEndpointRouteBuilder MapExpirySweepEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (Delegate)HandleAsync);
        return endpoints;
    }

    internal static async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!await IsScheduledEventAsync(context.Request))
        {
            return OpenAiError.BadRequest($"POST {Path} takes an EventBridge scheduled event (source '{ScheduledEvent.Source}', detail-type '{ScheduledEvent.DetailType}').", "not_a_scheduled_event");
        }

        // Without a store that sweeps, there is nothing to run; the answer says so by an empty list.
        var run = context.RequestServices.GetService<ExpirySweepRun>();
        var report = run is null
            ? new SweepReport([], null)
            : await run.RunAsync(context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        // 200 for a skipped run as well: a skip is no failure (the sweep has just been done), and the adapter hands the
        // answer back as the invocation's result, where an error status would read as a failed sweep.
        return Results.Json(report, TraceJson.Options);
    }

    private static async Task<bool> IsScheduledEventAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return ScheduledEvent.Is(body.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
