using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Platform.Traces.Spool;

/// <summary>
/// A bounded directory of traces waiting for their store. Entries survive a restart (the index is rebuilt from the
/// files), appear only whole (written aside, then renamed), and are deleted at their expiry, never handed out late.
/// When full, a new trace is dropped, counted, and the first drop of a spell is logged as an error.
/// </summary>
internal sealed partial class TraceSpool : IDisposable
{
    private const string TempExtension = ".tmp";

    private readonly TraceSpoolOptions _options;
    private readonly TraceSpoolMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, long> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _added = new(0);
    private long _bytes;
    private int _reserved;
    private bool _full;
    private long _droppedThisSpell;

    public TraceSpool(TraceSpoolOptions options, TraceSpoolMetrics metrics, ILogger<TraceSpool> logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
        System.IO.Directory.CreateDirectory(options.Directory);
        foreach (var path in System.IO.Directory.EnumerateFiles(options.Directory))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(TempExtension, StringComparison.Ordinal))
            {
                // A write cut short by a crash: its trace was never acknowledged as spooled.
                File.Delete(path);
            }
            else if (name.EndsWith(SpoolEntry.Extension, StringComparison.Ordinal) && SpoolEntry.ExpiryOf(name) is not null)
            {
                var size = new FileInfo(path).Length;
                _entries[name] = size;
                _bytes += size;
            }
        }

        _reserved = _entries.Count;
        metrics.Meter.CreateObservableGauge("platform.traces.spool.pending", () => Count, "{trace}", "Traces waiting in the spool.");
        metrics.Meter.CreateObservableGauge("platform.traces.spool.bytes", () => Bytes, "By", "Bytes waiting in the spool.");
    }

    public string Directory => _options.Directory;

    public int Count => _entries.Count;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>True from a drop for lack of room until room is made again.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                return _full;
            }
        }
    }

    /// <summary>Writes the entry to disk; false when the spool is full (the trace is dropped and counted).</summary>
    public bool TryAdd(SpoolEntry entry)
    {
        var name = entry.FileName;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, TraceJson.Options);
        bool replacing;
        long old;
        lock (_gate)
        {
            replacing = _entries.TryGetValue(name, out old);
            if ((!replacing && _reserved + 1 > _options.MaxEntries) || _bytes - old + bytes.Length > _options.MaxBytes)
            {
                _metrics.CountDropped("spool_full");
                _droppedThisSpell++;
                if (!_full)
                {
                    _full = true;
                    LogFull(_logger, _options.Directory, _reserved, _bytes);
                }

                return false;
            }

            _reserved += replacing ? 0 : 1;
            _bytes += bytes.Length - old;
        }

        var path = Path.Combine(_options.Directory, name);
        var temp = $"{path}.{Guid.NewGuid():N}{TempExtension}";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            Release(replacing ? 0 : 1, bytes.Length - old);
            throw;
        }

        _entries[name] = bytes.Length;
        _metrics.CountSpooled();
        _added.Release();
        return true;
    }

    /// <summary>The <paramref name="max"/> entries that expire first.</summary>
    public IReadOnlyList<string> Oldest(int max) => _entries.Keys.Order(StringComparer.Ordinal).Take(max).ToArray();

    /// <summary>The entry, or null when it is gone; an unreadable file is removed and counted as dropped.</summary>
    public SpoolEntry? Read(string name)
    {
        try
        {
            return JsonSerializer.Deserialize<SpoolEntry>(File.ReadAllBytes(Path.Combine(_options.Directory, name)), TraceJson.Options)
                ?? throw new JsonException("empty entry");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException)
        {
            Drop(name, "unreadable");
            return null;
        }
    }

    public void Remove(string name)
    {
        if (_entries.TryRemove(name, out var size))
        {
            File.Delete(Path.Combine(_options.Directory, name));
            Release(1, size);
        }
    }

    /// <summary>Removes an entry its store will never take, and counts it lost.</summary>
    public void Drop(string name, string reason)
    {
        Remove(name);
        _metrics.CountDropped(reason);
        LogDropped(_logger, reason);
    }

    /// <summary>Deletes every entry whose expiry has come; returns how many.</summary>
    public int RemoveExpired(DateTimeOffset now)
    {
        var expired = _entries.Keys.Where(n => SpoolEntry.ExpiryOf(n) <= now).ToArray();
        foreach (var name in expired)
        {
            Remove(name);
        }

        if (expired.Length > 0)
        {
            _metrics.CountExpired(expired.Length);
        }

        return expired.Length;
    }

    /// <summary>Waits until a trace is added, or <paramref name="atMost"/> passes.</summary>
    public async Task WaitForAddedAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        await _added.WaitAsync(atMost, cancellationToken);
        while (_added.Wait(0, CancellationToken.None))
        {
            // One wake-up is enough for however many were added.
        }
    }

    public void Dispose() => _added.Dispose();

    private void Release(int entries, long bytes)
    {
        lock (_gate)
        {
            _reserved -= entries;
            _bytes -= bytes;
            if (_full && entries > 0)
            {
                _full = false;
                LogRoomAgain(_logger, _droppedThisSpell);
                _droppedThisSpell = 0;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Trace spool full at {Directory} ({Entries} traces, {Bytes} bytes): new traces are DROPPED until the store catches up. Serving continues.")]
    private static partial void LogFull(ILogger logger, string directory, int entries, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trace spool has room again after dropping {Dropped} traces.")]
    private static partial void LogRoomAgain(ILogger logger, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trace dropped from the spool: {Reason}.")]
    private static partial void LogDropped(ILogger logger, string reason);
}
