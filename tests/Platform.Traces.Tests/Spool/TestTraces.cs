using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;

namespace Platform.Traces.Tests;

/// <summary>Traces and zones for the spool and S3 tests.</summary>
internal static class TestTraces
{
    public static Zone Zone(string id) => ComplianceModel.Embedded.Zone(id);

    public static TraceRecord Make(string zone, string requestId, DateTimeOffset startedAt, string answer = "ok") => new(
        requestId,
        zone,
        new RequestTags
        {
            RequestId = requestId,
            Tenant = "acme",
            Locale = "en-SG",
            DataClass = DataClass.None,
            PiiTypes = [],
            HomeZone = zone,
            ServingZone = zone,
            LatencyBudgetMs = 5000,
            CostTier = 0,
            MaxTier = 3,
            RequestedModel = "fast",
        },
        $"{zone}-h100-fast-a",
        "qwen3-8b",
        startedAt,
        42.5,
        300,
        new Usage(10, 5, 15, new CompletionTokensDetails(2)),
        "step one, step two",
        answer,
        "ok",
        [new PoolAttempt($"{zone}-h100-fast-a", "ok", 40, 300)]);

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
