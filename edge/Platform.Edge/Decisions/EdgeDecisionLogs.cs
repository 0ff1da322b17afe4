using Microsoft.Extensions.Configuration;
using Platform.Compliance;
using Platform.Traces.Decisions;

namespace Platform.Edge.Decisions;

/// <summary>
/// The edge's side of each zone's decision log. A record goes to the zone that served the request, or to its
/// home zone when none did, so even the metadata of a Mainland request stays in the Mainland.
/// </summary>
internal sealed class EdgeDecisionLogs(EdgeOptions options, ComplianceModel model, TimeProvider time, ILogger<EdgeDecisionLogs> log)
{
    private readonly Dictionary<string, IDecisionLog> _logs = options.Zones
        .Where(z => !string.IsNullOrEmpty(z.Value.DecisionLogDirectory) && model.IsZone(z.Key))
        .ToDictionary(
            z => z.Key,
            z => DecisionLogRegistration.Open(
                new ConfigurationBuilder().AddInMemoryCollection([new(DecisionLogRegistration.DirectoryKey, z.Value.DecisionLogDirectory)]).Build(),
                model.Zone(z.Key),
                time));

    public async Task AppendAsync(Tagging.EdgeDecision decision, Tenant tenant, string requestId, string requestedModel, string? servingZone, string outcome, int status)
    {
        var zone = servingZone ?? decision.Home.Zone;
        if (!_logs.TryGetValue(zone, out var zoneLog))
        {
            return;
        }

        var tags = decision.TagsFor(requestId, tenant.Id, zone, tenant.MaxTier, requestedModel);
        try
        {
            await zoneLog.AppendAsync(DecisionRecord.FromTags(tags, DecisionSource.Edge, time.GetUtcNow(), servingZone, null, null, outcome, status, null));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The answer has already gone out; a lost audit line is loud, never a failed request.
            EdgeLog.DecisionLogFailed(log, requestId, zone, e.GetType().Name);
        }
    }
}
