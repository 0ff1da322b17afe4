using Microsoft.Extensions.Configuration;
using Platform.Compliance;
using Platform.Traces.Decisions;

namespace Platform.Edge.Decisions;

/// <summary>
/// The edge's side of each zone's decision log. A record goes to the zone that served the request, or to its
/// home zone when none did, so even the metadata of a Mainland request stays in the Mainland. Locally each zone's
/// log is a folder (<c>Edge:Zones:&lt;zone&gt;:DecisionLogDirectory</c>); deployed, the edge writes its own zone's
/// records into that zone's bucket (<c>Platform:Decisions:Store=s3</c> with the <c>Regional:Traces:S3:*</c> settings).
/// </summary>
internal sealed class EdgeDecisionLogs
{
    private readonly Dictionary<string, IDecisionLog> _logs;
    private readonly string? _bucketZone;
    private readonly TimeProvider _time;
    private readonly DecisionAppends _appends;

    public EdgeDecisionLogs(EdgeOptions options, ComplianceModel model, IConfiguration configuration, TimeProvider time, DecisionAppends appends, ILogger<EdgeDecisionLogs> log)
    {
        _time = time;
        _appends = appends;
        _logs = options.Zones
            .Where(z => !string.IsNullOrEmpty(z.Value.DecisionLogDirectory) && model.IsZone(z.Key))
            .ToDictionary(
                z => z.Key,
                z => DecisionLogRegistration.Open(
                    new ConfigurationBuilder().AddInMemoryCollection([new(DecisionLogRegistration.DirectoryKey, z.Value.DecisionLogDirectory)]).Build(),
                    model.Zone(z.Key),
                    time));
        if (configuration[DecisionLogRegistration.StoreKey] == "s3" && model.IsZone(options.Zone))
        {
            _logs[options.Zone] = DecisionLogRegistration.Open(configuration, model.Zone(options.Zone), time, log);
            _bucketZone = options.Zone;
        }
    }

    /// <summary>
    /// Appends after the answer has gone out. A bucket write (a network round trip) runs in the background so the
    /// response's end never waits on it; a local folder append takes microseconds and is awaited, so a local run reads it at once.
    /// </summary>
    public Task AppendAsync(Tagging.EdgeDecision decision, Tenant tenant, string requestId, string requestedModel, string? servingZone, string outcome, int status)
    {
        var zone = servingZone ?? decision.Home.Zone;
        if (!_logs.TryGetValue(zone, out var zoneLog))
        {
            return Task.CompletedTask;
        }

        var tags = decision.TagsFor(requestId, tenant.Id, zone, tenant.MaxTier, requestedModel);
        var record = DecisionRecord.FromTags(tags, DecisionSource.Edge, _time.GetUtcNow(), servingZone, null, null, outcome, status, null);
        if (zone != _bucketZone)
        {
            return _appends.AppendAsync(zoneLog, record);
        }

        _appends.Append(zoneLog, record);
        return Task.CompletedTask;
    }
}
