namespace Platform.Regional.Metrics;

/// <summary>One pool call as the health window keeps it: when it ended, whether it failed before its first byte, and its time to first byte (streams only).</summary>
internal sealed record HealthSample(DateTimeOffset At, bool Failed, double? FirstByteMs);
