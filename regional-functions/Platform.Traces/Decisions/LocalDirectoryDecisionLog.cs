using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Platform.Traces.Decisions;

/// <summary>
/// A zone's decision log as JSON Lines, one file per UTC day: <c>{root}/decisions/{zone}/{yyyy-MM-dd}.jsonl</c>, beside the
/// local trace store's <c>{root}/traces/</c>.
/// </summary>
internal sealed class LocalDirectoryDecisionLog : IDecisionLog
{
    public const string Folder = DecisionKeys.Root;
    private const string Extension = ".jsonl";

    // One writer per file in the whole process, not per instance: the edge and a regional function of one zone share the
    // folder when they run in one process (the local platform). .NET on Unix writes at an offset it tracks itself (no
    // O_APPEND), so two handles opened at once would both write at the same end and one line would be lost.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);
    private readonly int _retentionDays;
    private readonly TimeProvider _time;

    public LocalDirectoryDecisionLog(string zone, string root, int retentionDays, TimeProvider time)
    {
        Zone = zone;
        ZoneDirectory = Path.Combine(Path.GetFullPath(root), Folder, zone);
        _retentionDays = retentionDays;
        _time = time;
    }

    public string Zone { get; }

    public string ZoneDirectory { get; }

    public async Task AppendAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(record));
        }

        var line = JsonSerializer.SerializeToUtf8Bytes(record, TraceJson.Options).Concat("\n"u8.ToArray()).ToArray();
        Directory.CreateDirectory(ZoneDirectory);
        var path = PathOf(record.Time);
        var writing = Writers.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await writing.WaitAsync(cancellationToken);
        try
        {
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            await file.WriteAsync(line, cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    public async IAsyncEnumerable<DecisionRecord> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A record past the retention is gone for readers, even before the sweep rewrites its day.
        var expired = _time.GetUtcNow().AddDays(-_retentionDays);
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            var path = PathOf(new DateTimeOffset(day, TimeSpan.Zero));
            if (!File.Exists(path))
            {
                continue;
            }

            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true), Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (Parse(line) is { } record && record.Time >= from && record.Time <= to && record.Time > expired)
                {
                    yield return record;
                }
            }
        }
    }

    /// <summary>
    /// Deletes every record whose retention ends before <paramref name="horizon"/> (the sweeper passes its next run, so
    /// none outlives its retention while it runs): a day file whose every record is that old goes whole, the one day file
    /// the horizon falls in is rewritten without its expired lines (under the file's writer lock, so no append is lost).
    /// Returns how many whole days and rewritten days there were.
    /// </summary>
    public int Sweep(DateTimeOffset horizon)
    {
        if (!Directory.Exists(ZoneDirectory))
        {
            return 0;
        }

        var expiredBefore = horizon.AddDays(-_retentionDays);
        var swept = 0;
        foreach (var file in Directory.EnumerateFiles(ZoneDirectory, "*" + Extension))
        {
            if (!DateTime.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
            {
                continue;
            }

            var dayStarts = new DateTimeOffset(day, TimeSpan.Zero);
            if (dayStarts.AddDays(1) <= expiredBefore)
            {
                File.Delete(file);
                swept++;
            }
            else if (dayStarts <= expiredBefore && Compact(file, expiredBefore))
            {
                swept++;
            }
        }

        return swept;
    }

    /// <summary>Rewrites a day file without the records at or before <paramref name="expiredBefore"/>; whether any went.</summary>
    private static bool Compact(string path, DateTimeOffset expiredBefore)
    {
        var writing = Writers.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        writing.Wait();
        try
        {
            var lines = File.ReadAllLines(path, Encoding.UTF8);
            // A line cut short by a crash cannot say its time: it goes with the expired ones, unreadable as it is.
            var kept = lines.Where(l => Parse(l) is { } r && r.Time > expiredBefore).ToArray();
            if (kept.Length == lines.Length)
            {
                return false;
            }

            // Write aside, then rename over: a reader sees the old day or the new one, never half of one.
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllLines(temp, kept, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
            return true;
        }
        finally
        {
            writing.Release();
        }
    }

    private string PathOf(DateTimeOffset time) => Path.Combine(ZoneDirectory, TraceKeys.DayOf(time) + Extension);

    // A line cut short by a crash mid-append is skipped: the records around it are still whole.
    private static DecisionRecord? Parse(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DecisionRecord>(line, TraceJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
