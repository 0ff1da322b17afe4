using Platform.Compliance;
using Platform.Contracts.OpenAi;
using Platform.Contracts.Tags;

namespace Platform.Traces.Tests;

/// <summary>Traces and zones for the spool and S3 tests.</summary>
internal static class TestTraces
{
    /// <summary>A zone with the given trace retention; built here so the tests can also try retentions the policies do not hold.</summary>
    public static Zone Zone(string id, int traceDays = 30) => new(
        id, id, "test", new AwsPlacement("aws", "test-1"), new AzurePlacement("AzureCloud", "test"), [], false, false, [], new Retention(traceDays, 400), new Origin("test", 1));

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
