using System.Globalization;
using Platform.Compliance;
using Platform.Traces.Decisions;

namespace Platform.Audit;

/// <summary>Reads a zone's decision log for a window and holds every record to the policies.</summary>
public static class DecisionAudit
{
    public static async Task<DecisionReport> RunAsync(ComplianceModel model, IDecisionLog log, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var records = new List<DecisionRecord>();
        await foreach (var record in log.ReadAsync(from, to, cancellationToken))
        {
            records.Add(record);
        }

        return Summarize(model, log.Zone, from, to, records);
    }

    public static DecisionReport Summarize(ComplianceModel model, string zone, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<DecisionRecord> records)
    {
        var requests = records
            .GroupBy(r => r.RequestId, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(r => r.Source == DecisionSource.Regional) ?? g.First())
            .ToArray();
        return new DecisionReport(
            zone,
            from,
            to,
            records.Count,
            requests.Length,
            Count(requests, r => r.DataClass.ToWire()),
            Count(requests, r => r.Locale),
            Count(requests, r => r.CostTier.ToString(CultureInfo.InvariantCulture)),
            Count(requests, r => r.ServingZone ?? DecisionReport.NotServed),
            Count(requests, r => r.Outcome),
            records.Select(r => Violation(model, r) is { } reason ? new DecisionViolation(r, reason) : null).OfType<DecisionViolation>().ToArray());
    }

    /// <summary>Why the record broke policy, or null: every record is checked, the edge's too, since either could be the one that erred.</summary>
    public static string? Violation(ComplianceModel model, DecisionRecord record)
    {
        if (!model.IsZone(record.HomeZone))
        {
            return $"Home zone '{record.HomeZone}' is not a zone.";
        }

        if (record.ServingZone is not { } serving)
        {
            return null;
        }

        if (!model.IsZone(serving))
        {
            return $"Serving zone '{serving}' is not a zone.";
        }

        if (!model.MayServe(record.HomeZone, record.DataClass, serving))
        {
            return $"Class '{record.DataClass.ToWire()}' homed in {record.HomeZone} may be served only in {string.Join(", ", model.ServingZones(record.HomeZone, record.DataClass))}; it was served in {serving}.";
        }

        if (record.Pool is { } pool && model.Pools.FirstOrDefault(p => p.Id == pool) is { } p && p.Zone != serving)
        {
            return $"Pool {pool} is in zone {p.Zone}, not the serving zone {serving}.";
        }

        if (record.Pool is { } name && model.Routing.Of(serving).ExternalProviders.FirstOrDefault(x => x.Name == name) is { } provider && !model.MayReceive(provider, record.DataClass))
        {
            return $"Class '{record.DataClass.ToWire()}' was sent to external provider {name} ({provider.ProcessingCountry}), which may receive only {string.Join(", ", model.ClassesFor(provider).Select(c => c.ToWire()))}.";
        }

        return null;
    }

    private static SortedDictionary<string, int> Count(IEnumerable<DecisionRecord> records, Func<DecisionRecord, string> key) =>
        new SortedDictionary<string, int>(records.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
