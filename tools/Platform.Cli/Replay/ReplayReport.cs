using Platform.Compliance;
using Platform.Contracts.Statistics;

namespace Platform.Cli.Replay;

/// <summary>Requests, tokens, spend and latency of one zone and tier.</summary>
internal sealed record ReplayRow(string Zone, int Tier, int Requests, long InputTokens, long OutputTokens, long ReasoningTokens, decimal SpendUsd, decimal Tier3SpendUsd, double P50Ms, double P99Ms);

/// <summary>
/// The replay's answer to "what did routing save": spend per zone and tier, against the same token usage priced at
/// each zone's tier-3 pool. <see cref="CostSource"/> says whether spend is the platform's reported cost or our estimate from the catalogue.
/// </summary>
internal sealed record ReplayReport(IReadOnlyList<ReplayRow> Rows, int Failed, IReadOnlyDictionary<int, int> FailedByStatus, string CostSource)
{
    public const string Assumption = "Counterfactual: the same requests, with the same token usage, all served by their zone's tier-3 pool at its catalogue price.";

    public int Requests => Rows.Sum(r => r.Requests);
    public decimal SpendUsd => Rows.Sum(r => r.SpendUsd);
    public decimal Tier3SpendUsd => Rows.Sum(r => r.Tier3SpendUsd);
    public decimal SavingsUsd => Tier3SpendUsd - SpendUsd;
    public double SavingsPercent => Tier3SpendUsd == 0 ? 0 : (double)(SavingsUsd / Tier3SpendUsd) * 100;

    public static ReplayReport Build(IReadOnlyList<ReplayCall> calls, ComplianceModel model)
    {
        var top = model.Tiers.Max(t => t.Level);
        var served = calls.Where(c => c.Status is >= 200 and < 300 && c.Pool is not null && c.Zone is not null).ToArray();
        var rows = served
            .Select(c => (Call: c, Pool: model.Pools.First(p => p.Id == c.Pool)))
            .GroupBy(x => (x.Pool.Zone, x.Pool.Tier))
            .OrderBy(g => g.Key.Zone, StringComparer.Ordinal).ThenBy(g => g.Key.Tier)
            .Select(g =>
            {
                var tier3 = model.PoolsIn(g.Key.Zone).Where(p => p.Tier == top).OrderBy(p => p.Price.Output).First();
                var latencies = g.Select(x => x.Call.LatencyMs).Order().ToArray();
                return new ReplayRow(
                    g.Key.Zone,
                    g.Key.Tier,
                    g.Count(),
                    g.Sum(x => (long)x.Call.InputTokens),
                    g.Sum(x => (long)x.Call.OutputTokens),
                    g.Sum(x => (long)x.Call.ReasoningTokens),
                    g.Sum(x => x.Call.ReportedCostUsd ?? x.Pool.Price.Cost(x.Call.InputTokens, 0, x.Call.OutputTokens)),
                    g.Sum(x => tier3.Price.Cost(x.Call.InputTokens, 0, x.Call.OutputTokens)),
                    Percentile.NearestRank(latencies, 0.50) ?? 0,
                    Percentile.NearestRank(latencies, 0.99) ?? 0);
            })
            .ToArray();

        var failed = calls.Except(served).ToArray();
        var reported = served.Count(c => c.ReportedCostUsd is not null);
        var source = reported == served.Length && served.Length > 0
            ? "reported by the platform (X-Platform-Cost-Usd / platform_cost_usd)"
            : reported == 0
                ? "estimated: usage × the serving pool's catalogue price (the platform reported no cost)"
                : $"reported for {reported} of {served.Length} requests, estimated from the catalogue for the rest";
        return new ReplayReport(rows, failed.Length, failed.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count()), source);
    }
}
