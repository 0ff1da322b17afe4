using Platform.Contracts.Tags;
using Platform.Regional.Forwarding;
using Platform.Traces;
using Platform.Traces.Decisions;

namespace Platform.Regional.Escalation;

/// <summary>The regional function's line in the zone's decision log: where and how a request it trusted was served, and at what cost.</summary>
internal static class DecisionEntry
{
    public static DecisionRecord For(RequestTags tags, string zone, DateTimeOffset now, DateTimeOffset startedAt, ForwardResult r, int status, ServedRequest? served) =>
        DecisionRecord.FromTags(tags, DecisionSource.Regional, now, zone, r.Pool, r.Model, r.Outcome, status, TraceKeys.For(zone, startedAt, tags.RequestId)) with
        {
            Tier = r.Pool is null ? null : served?.Tier,
            CompletionTokenCap = served?.Budget.Effective,
            BudgetCapped = served?.BudgetCapped,
            Promoted = served is null ? null : served.Escalations.Any(e => e.PromotedTo is not null),
            CostUsd = served?.Cost.TotalUsd,
        };
}
