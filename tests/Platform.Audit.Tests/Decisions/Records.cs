using Platform.Compliance;
using Platform.Traces.Decisions;

namespace Platform.Audit.Tests.Decisions;

/// <summary>Synthetic decision records: a regional function's record of a request served where its tags say.</summary>
internal static class Records
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static DecisionRecord Served(
        string id, string home, string serving, DataClass dataClass, string? pool = null, string locale = "en", int tier = 0,
        DecisionSource source = DecisionSource.Regional, DateTimeOffset? time = null, params string[] piiTypes) =>
        new(id, time ?? Noon, source, "public", home, serving, pool ?? $"{serving}-h100-fast-a", "qwen3-8b", dataClass, piiTypes, locale, tier, 2000, "ok", 200,
            $"traces/{serving}/2026-11-20/{id}.json");
}
