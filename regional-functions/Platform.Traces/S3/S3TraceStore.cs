using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Platform.Compliance;
using Platform.Traces.Spool;

namespace Platform.Traces.S3;

/// <summary>
/// A zone's traces as objects in the zone's bucket, under <see cref="TraceKeys.For"/>, tagged with their expiry,
/// retention class and zone, encrypted under the zone's KMS key when one is configured. Reads hide every expired trace;
/// <see cref="SweepAsync"/> deletes each one before its expiry passes; the bucket's lifecycle rule is the backstop.
/// </summary>
internal sealed class S3TraceStore : ITraceStore
{
    private readonly Zone _zone;
    private readonly string? _kmsKeyId;
    private readonly TimeProvider _time;
    private readonly ZoneObjects _objects;

    public S3TraceStore(IAmazonS3 s3, string bucket, Zone zone, string? kmsKeyId, TraceBucketGuard guard, TimeProvider time)
    {
        if (!TraceBucketNames.BelongsTo(bucket, zone.Id))
        {
            throw new ArgumentException($"Bucket '{bucket}' is not a trace bucket of zone '{zone.Id}': its name must follow {TraceBucketNames.Rule(zone.Id)}.", nameof(bucket));
        }

        Bucket = bucket;
        _zone = zone;
        _kmsKeyId = kmsKeyId;
        Guard = guard;
        _time = time;
        _objects = new ZoneObjects(s3, bucket, zone.Id, TraceKeys.Prefix(zone.Id), "traces");
    }

    public string Zone => _zone.Id;

    public string Bucket { get; }

    public TraceBucketGuard Guard { get; }

    public static string RetentionClass(Zone zone) => $"trace-{zone.Retention.TraceDays}d";

    public async Task<StoredTrace> PutAsync(TraceRecord trace, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        TraceZoneGuard.EnsureTrace(Zone, trace);
        var stored = new StoredTrace(TraceKeys.For(Zone, trace.StartedAt, trace.RequestId), TraceZoneGuard.Expiry(_zone, trace, expiresAt), trace);
        if (stored.ExpiresAt <= _time.GetUtcNow())
        {
            // Gone already for readers: writing it would only store it past its expiry until the next sweep.
            return stored;
        }

        // Nothing is written to a bucket whose lifecycle has not been seen to delete it in time.
        await Guard.EnsureAsync(cancellationToken);
        await _objects.PutAsync(stored.Key, JsonSerializer.SerializeToUtf8Bytes(stored.Trace, TraceJson.Options), stored.ExpiresAt, RetentionClass(_zone), _kmsKeyId, cancellationToken);
        return stored;
    }

    /// <summary>The write of one trace: its key, its bytes, its tags and metadata, and the zone's key when there is one.</summary>
    internal static PutObjectRequest PutRequest(string bucket, StoredTrace stored, Zone zone, string? kmsKeyId) =>
        ZoneObjects.PutRequest(bucket, stored.Key, JsonSerializer.SerializeToUtf8Bytes(stored.Trace, TraceJson.Options), stored.ExpiresAt, RetentionClass(zone), zone.Id, kmsKeyId);

    public async Task<StoredTrace?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _objects.GetAsync(key, cancellationToken);
        // The sweeper and the lifecycle delete on a schedule: until they do, an expired trace is already gone for readers.
        if (response is null || ZoneObjects.ExpiryOf(response.Metadata) is not { } expiresAt || expiresAt <= _time.GetUtcNow())
        {
            return null;
        }

        var trace = await JsonSerializer.DeserializeAsync<TraceRecord>(response.ResponseStream, TraceJson.Options, cancellationToken);
        return trace is null ? null : new StoredTrace(key, expiresAt, trace);
    }

    public async IAsyncEnumerable<StoredTrace> ListAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var prefix in TraceKeys.DayPrefixes(Zone, from, to))
        {
            await foreach (var key in KeysUnder(prefix, cancellationToken))
            {
                if (await GetAsync(key, cancellationToken) is { } stored && stored.Trace.StartedAt >= from && stored.Trace.StartedAt <= to)
                {
                    yield return stored;
                }
            }
        }
    }

    /// <summary>
    /// Deletes every trace whose expiry comes before <paramref name="horizon"/> (the sweeper passes its next run, so no
    /// trace outlives its expiry while it runs). A trace expires at most the retention after it started, and its key names
    /// the day it started: a day whose every trace is that old goes whole; otherwise a trace written at least the retention
    /// before the horizon goes, and only the rest are asked for their expiry (one HEAD each, the few near their end or
    /// delivered late from the spool). Scans back far enough for a trace delivered a whole retention late.
    /// </summary>
    public async Task<int> SweepAsync(DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var retention = TimeSpan.FromDays(_zone.Retention.TraceDays);
        var now = _time.GetUtcNow();
        var expired = new List<string>();
        for (var day = (now - (2 * retention) - TimeSpan.FromDays(2)).UtcDateTime.Date; day <= (horizon - retention).UtcDateTime.Date; day = day.AddDays(1))
        {
            var dayEnds = new DateTimeOffset(day.AddDays(1), TimeSpan.Zero);
            await foreach (var (key, writtenAt) in _objects.ListAsync(TraceKeys.DayPrefix(Zone, day), cancellationToken))
            {
                if (dayEnds <= horizon - retention || writtenAt <= horizon - retention || await _objects.ExpiryAsync(key, cancellationToken) is not { } e || e <= horizon)
                {
                    expired.Add(key);
                }
            }
        }

        return await _objects.DeleteAsync(expired, cancellationToken);
    }

    /// <summary>Keys under a prefix of this zone, in key order.</summary>
    public async IAsyncEnumerable<string> KeysUnder(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (key, _) in _objects.ListAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }
}
