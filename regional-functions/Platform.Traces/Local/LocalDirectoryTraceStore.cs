using System.Runtime.CompilerServices;
using System.Text.Json;
using Platform.Compliance;

namespace Platform.Traces.Local;

/// <summary>
/// A zone's traces as files under <c>{root}/traces/{zone}/{day}/{requestId}.json</c>: for a laptop, a test or an
/// on-premises zone without object storage. Same keys and bytes as the object store.
/// </summary>
internal sealed class LocalDirectoryTraceStore : ITraceStore
{
    private const string TempSuffix = ".tmp";

    private readonly string _root;
    private readonly TimeProvider _time;

    public LocalDirectoryTraceStore(string zone, string root, TimeProvider time)
    {
        Zone = zone;
        _root = Path.GetFullPath(root);
        _time = time;
    }

    public string Zone { get; }

    /// <summary>The directory holding this zone's traces.</summary>
    public string ZoneDirectory => PathOf(TraceKeys.Prefix(Zone));

    public async Task<StoredTrace> PutAsync(TraceRecord trace, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (trace.Zone != Zone)
        {
            throw new ArgumentException($"This store keeps traces of zone '{Zone}' only; the trace belongs to '{trace.Zone}'.", nameof(trace));
        }

        // Whatever a caller asks, no trace outlives the platform's hard limit.
        var latest = trace.StartedAt.AddDays(Retention.MaxTraceDays);
        var stored = new StoredTrace(TraceKeys.For(Zone, trace.StartedAt, trace.RequestId), expiresAt < latest ? expiresAt : latest, trace);
        var path = PathOf(stored.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write aside, then rename over: a reader sees the old trace or the new one, never half of one.
        var temp = $"{path}.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(file, stored, TraceJson.Options, cancellationToken);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return stored;
    }

    public async Task<StoredTrace?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(PathOf(CheckedKey(key)), cancellationToken);
        return stored is not null && stored.ExpiresAt > _time.GetUtcNow() ? stored : null;
    }

    public async IAsyncEnumerable<StoredTrace> ListAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var prefix in TraceKeys.DayPrefixes(Zone, from, to))
        {
            var dir = PathOf(prefix);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                var stored = await ReadAsync(file, cancellationToken);
                if (stored is not null && stored.ExpiresAt > now && stored.Trace.StartedAt >= from && stored.Trace.StartedAt <= to)
                {
                    yield return stored;
                }
            }
        }
    }

    /// <summary>
    /// Deletes every trace whose expiry comes before <paramref name="horizon"/> (the sweeper passes its next run, so no
    /// trace outlives its expiry while it runs) and every day folder left empty; returns how many traces went.
    /// </summary>
    public async Task<int> SweepAsync(DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var dir = ZoneDirectory;
        if (!Directory.Exists(dir))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var day in Directory.EnumerateDirectories(dir))
        {
            foreach (var file in Directory.EnumerateFiles(day, "*.json"))
            {
                // An unreadable file is left for an operator rather than deleted on a guess.
                if (await ReadAsync(file, cancellationToken) is { } stored && stored.ExpiresAt <= horizon)
                {
                    File.Delete(file);
                    deleted++;
                }
            }

            if (!Directory.EnumerateFileSystemEntries(day).Any())
            {
                Directory.Delete(day);
            }
        }

        return deleted;
    }

    private string CheckedKey(string key)
    {
        if (!TraceKeys.BelongsTo(key, Zone) || key.Contains("..", StringComparison.Ordinal) || key.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"This store keeps traces of zone '{Zone}' only; the key is not under '{TraceKeys.Prefix(Zone)}'.", nameof(key));
        }

        return key;
    }

    private string PathOf(string key) => Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));

    private static async Task<StoredTrace?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 16 * 1024, useAsync: true);
            return await JsonSerializer.DeserializeAsync<StoredTrace>(file, TraceJson.Options, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }
}
