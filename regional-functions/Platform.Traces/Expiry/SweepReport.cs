using System.Text.Json.Serialization;

namespace Platform.Traces.Expiry;

/// <summary>
/// The answer to a scheduled event: per store, how many items went, or that its sweep failed (never why: the reason
/// is logged, and the caller may be anyone who reaches the Function URL). Or, instead of a run, why none ran.
/// </summary>
internal sealed record SweepReport(
    [property: JsonPropertyName("swept")] IReadOnlyList<StoreSweep>? Swept,
    [property: JsonPropertyName("skipped")] string? Skipped)
{
    public const string SkippedRecent = "recent";
    public const string SkippedRunning = "running";
}

internal sealed record StoreSweep(
    [property: JsonPropertyName("holds")] string Holds,
    [property: JsonPropertyName("deleted")] int Deleted,
    [property: JsonPropertyName("failed")] bool Failed);
