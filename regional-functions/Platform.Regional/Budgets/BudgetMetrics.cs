using System.Diagnostics.Metrics;

namespace Platform.Regional.Budgets;

/// <summary>Answers the platform's reasoning budget cut, by zone and tier; on the meter the telemetry exporter already reads.</summary>
internal static class BudgetMetrics
{
    private static readonly Meter Meter = new("Platform.Regional");

    private static readonly Counter<long> Capped = Meter.CreateCounter<long>(
        "platform.router.budget_capped", "{request}", "Answers cut by the zone's reasoning budget (finish_reason length under a cap below the client's limit)");

    public static void CountCapped(string zone, BudgetDecision budget) =>
        Capped.Add(1, new("platform.zone", zone), new("platform.tier", budget.Tier), new("platform.latency_class", budget.Class.ToString().ToLowerInvariant()));
}
