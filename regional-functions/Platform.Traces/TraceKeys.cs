using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Traces;

/// <summary>
/// Object keys partition by zone and day (<c>traces/{zone}/{yyyy-MM-dd}/{requestId}.json</c>), so a
/// lifecycle rule can expire the prefix, a time window is a prefix scan, and a key says its zone.
/// </summary>
public static partial class TraceKeys
{
    public const string Root = "traces";

    public static string Prefix(string zone) => $"{Root}/{zone}/";

    public static string For(string zone, DateTimeOffset writtenAt, string requestId)
    {
        if (!SafeId().IsMatch(requestId))
        {
            throw new ArgumentException("A request id may hold only letters, digits, '-' and '_'.", nameof(requestId));
        }

        return $"{Prefix(zone)}{DayOf(writtenAt)}/{requestId}.json";
    }

    public static string DayOf(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day prefixes a window touches, oldest first.</summary>
    public static IEnumerable<string> DayPrefixes(string zone, DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            yield return DayPrefix(zone, day);
        }
    }

    public static string DayPrefix(string zone, DateTime day) => $"{Prefix(zone)}{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    public static bool BelongsTo(string key, string zone) => key.StartsWith(Prefix(zone), StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SafeId();
}
