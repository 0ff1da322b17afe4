using System.Globalization;

namespace Platform.Traces.Decisions;

/// <summary>
/// Object keys of a zone's decision records: <c>decisions/{zone}/{yyyy-MM-dd}/{HHmmssfff}-{requestId}-{source}.json</c>.
/// One object per record (S3 has no append): a day is a prefix scan in time order, a retried write lands on the same
/// key, the edge's and the regional function's records of one request never collide, and the key alone says when
/// the record expires.
/// </summary>
public static class DecisionKeys
{
    public const string Root = "decisions";

    private const string TimeFormat = "HHmmssfff";

    public static string Prefix(string zone) => $"{Root}/{zone}/";

    public static string DayPrefix(string zone, DateTime day) => $"{Prefix(zone)}{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public static string For(string zone, DecisionRecord record) =>
        $"{DayPrefix(zone, record.Time.UtcDateTime.Date)}{record.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{record.RequestId}-{record.Source.ToString().ToLowerInvariant()}.json";

    /// <summary>The record's time to the millisecond, read from its key; null for a key this log did not write.</summary>
    public static DateTimeOffset? TimeOf(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 4 || parts[3].Length < TimeFormat.Length)
        {
            return null;
        }

        return DateTime.TryParseExact($"{parts[2]} {parts[3][..TimeFormat.Length]}", $"yyyy-MM-dd {TimeFormat}", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
    }
}
