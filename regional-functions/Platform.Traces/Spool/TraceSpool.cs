using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Platform.Traces.Spool;

/// <summary>
/// A bounded directory of traces waiting for their store. Adding only reserves room and queues the bytes: a background
/// writer puts them on disk (a disk write costs hundreds of microseconds the caller should not pay). Entries survive a
/// restart (the index is rebuilt from the files), appear only whole (written aside, then renamed), and are deleted at
/// their expiry, never handed out late. When full, a new trace is dropped, counted, and the first drop of a spell is
/// logged as an error.
/// </summary>
internal sealed partial class TraceSpool : IDisposable, IAsyncDisposable
{
    private const string TempExtension = ".tmp";

    private readonly TraceSpoolOptions _options;
    private readonly TraceSpoolMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, long> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _added = new(0);
    private readonly Channel<(string Name, byte[] Bytes)> _unwritten = Channel.CreateUnbounded<(string, byte[])>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _bytes;
    private int _reserved;
    private bool _full;
    private long _droppedThisSpell;
    private long _queued;
    private long _written;

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
        // A thread of its own: disk writes block, and on a small machine a blocked pool thread delays requests.
        _writer = Task.Factory.StartNew(Write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        metrics.Meter.CreateObservableGauge("platform.traces.spool.pending", () => Count, "{trace}", "Traces waiting in the spool.");
        metrics.Meter.CreateObservableGauge("platform.traces.spool.bytes", () => Bytes, "By", "Bytes waiting in the spool.");
    }

    public string Directory => _options.Directory;

    /// <summary>Traces waiting: on disk, or queued for it.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _reserved;
            }
        }
    }

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

    /// <summary>Reserves room and queues the entry for disk; false when the spool is full (the trace is dropped and counted).</summary>
    public bool TryAdd(SpoolEntry entry)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, TraceJson.Options);
        lock (_gate)
        {
            if (_reserved + 1 > _options.MaxEntries || _bytes + bytes.Length > _options.MaxBytes)
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

            _reserved++;
            _bytes += bytes.Length;
        }

        Interlocked.Increment(ref _queued);
        _unwritten.Writer.TryWrite((entry.FileName, bytes));
        return true;
    }

    /// <summary>Waits until everything added so far is on disk.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _written) < target && !_writer.IsCompleted)
        {
            await Task.Delay(1, cancellationToken);
        }
    }

    /// <summary>The <paramref name="max"/> entries on disk that expire first (a bounded heap: the spool may hold very many).</summary>
    public IReadOnlyList<string> Oldest(int max)
    {
        var heap = new PriorityQueue<string, string>(max + 1, Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
        foreach (var name in _entries.Keys)
        {
            heap.Enqueue(name, name);
            if (heap.Count > max)
            {
                heap.Dequeue();
            }
        }

        var oldest = new string[heap.Count];
        for (var i = oldest.Length - 1; i >= 0; i--)
        {
            oldest[i] = heap.Dequeue();
        }

        return oldest;
    }

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

    /// <summary>Deletes one entry whose expiry has come.</summary>
    public void RemoveExpired(string name)
    {
        Remove(name);
        _metrics.CountExpired(1);
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

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Puts what is still queued on disk, so a restart delivers it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_unwritten.Writer.TryComplete())
        {
            await _writer;
            _added.Dispose();
        }
    }

    private void Write()
    {
        while (_unwritten.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (!_unwritten.Reader.TryRead(out var item))
            {
                continue;
            }

            var (name, bytes) = item;
            var path = Path.Combine(_options.Directory, name);
            var temp = $"{path}.{Guid.NewGuid():N}{TempExtension}";
            try
            {
                File.WriteAllBytes(temp, bytes);
                File.Move(temp, path, overwrite: true);
                // The same trace spooled again replaces its file: the older reservation goes.
                if (_entries.TryGetValue(name, out var previous))
                {
                    Release(1, previous);
                }

                _entries[name] = bytes.Length;
                _metrics.CountSpooled();
                _added.Release();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temp);
                Release(1, bytes.Length);
                _metrics.CountDropped("disk_error");
                LogDiskError(_logger, _options.Directory, e.GetType().Name);
            }

            Interlocked.Increment(ref _written);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Trace spool at {Directory} cannot write ({Error}): trace dropped.")]
    private static partial void LogDiskError(ILogger logger, string directory, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trace dropped from the spool: {Reason}.")]
    private static partial void LogDropped(ILogger logger, string reason);
}
