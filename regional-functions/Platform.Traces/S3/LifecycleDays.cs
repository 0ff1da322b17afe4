namespace Platform.Traces.S3;

/// <summary>
/// S3's lifecycle arithmetic. A rule of <c>Days = N</c> makes an object deletable at its write time plus N days
/// rounded up to the next midnight UTC (AWS: "rounding the resulting time to the next day midnight UTC"), so an
/// object may live up to N days and a day. A rule that must hold objects to a retention therefore asks one day less.
/// </summary>
public static class LifecycleDays
{
    /// <summary>The shortest retention a lifecycle rule can hold: the rule needs at least one day.</summary>
    public const int MinRetentionDays = 2;

    /// <summary>The rule's <c>Days</c> that keeps every object at most <paramref name="retentionDays"/> days after it was written.</summary>
    public static int ForRetention(int retentionDays) => retentionDays - 1;

    /// <summary>When S3 makes an object written at <paramref name="writtenAt"/> deletable under a rule of <paramref name="ruleDays"/> days.</summary>
    public static DateTimeOffset DeletableAt(DateTimeOffset writtenAt, int ruleDays) =>
        new(writtenAt.UtcDateTime.AddDays(ruleDays).Date.AddDays(1), TimeSpan.Zero);
}
