namespace Platform.Regional.Metrics;

/// <summary>
/// How a pool call counts for the pool's health: failed before its first byte or not, its time to first byte when
/// that measures the pool (streams), and whether it counts at all (a call we cancelled ourselves says nothing about the pool).
/// </summary>
internal readonly record struct AttemptVerdict(bool Failed, double? FirstByteMs, bool Counts);
