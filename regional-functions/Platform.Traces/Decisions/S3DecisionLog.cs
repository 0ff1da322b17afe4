using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Platform.Compliance;
using Platform.Traces.S3;

namespace Platform.Traces.Decisions;

/// <summary>
/// A zone's decision log in the zone's trace bucket, beside the traces: one small object per record under
/// <see cref="DecisionKeys"/>, written through the same zone-checked object access, bucket-name rule and lifecycle guard
/// as the traces. S3 has no append, and one object per record needs none: a write is one PUT with nothing buffered to
/// lose when the process stops or Lambda freezes, a retry lands on the same key, and a day is one prefix listing.
/// </summary>
internal sealed partial class S3DecisionLog : IDecisionLog
{
    private const int ReadParallelism = 16;

    private readonly ZoneObjects _objects;
    private readonly int _retentionDays;
    private readonly string? _kmsKeyId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DecisionLogMetrics _metrics;

    public S3DecisionLog(IAmazonS3 s3, string bucket, Zone zone, string? kmsKeyId, TimeProvider time, ILogger logger, DecisionLogMetrics metrics)
    {
        if (!TraceBucketNames.BelongsTo(bucket, zone.Id))
        {
            throw new ArgumentException($"Bucket '{bucket}' is not a trace bucket of zone '{zone.Id}': its name must follow {TraceBucketNames.Rule(zone.Id)}.", nameof(bucket));
        }

        Zone = zone.Id;
        Bucket = bucket;
        _retentionDays = zone.Retention.DecisionLogDays;
        _kmsKeyId = kmsKeyId;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _objects = new ZoneObjects(s3, bucket, zone.Id, DecisionKeys.Prefix(zone.Id), "decision records");
        Guard = new TraceBucketGuard(s3, bucket, LifecycleRuleSpec.Decisions(zone.Id, _retentionDays), time);
    }

    public string Zone { get; }

    public string Bucket { get; }

    public TraceBucketGuard Guard { get; }

    public string RetentionClass => $"decisions-{_retentionDays}d";

    /// <summary>
    /// Stores the record as its own object. A record that could hold a value is refused (<see cref="ArgumentException"/>);
    /// a store that fails or refuses the write is logged, counted and reported as an <see cref="IOException"/>.
    /// </summary>
    public async Task AppendAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(record));
        }

        var key = DecisionKeys.For(Zone, record);
        _objects.EnsureKey(key);
        var expiresAt = record.Time.AddDays(_retentionDays);
        if (expiresAt <= _time.GetUtcNow())
        {
            return;
        }

        try
        {
            // Nothing is written to a bucket whose lifecycle has not been seen to delete it in time.
            await Guard.EnsureAsync(cancellationToken);
            await _objects.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(record, TraceJson.Options), expiresAt, RetentionClass, _kmsKeyId, cancellationToken);
            _metrics.CountWritten(Zone);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or TraceBucketRefusedException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = e is AmazonServiceException s ? $"{(int)s.StatusCode} {s.ErrorCode}" : e.GetType().Name;
            _metrics.CountFailed(Zone);
            LogNotStored(_logger, record.RequestId, Zone, Bucket, reason);
            throw new IOException($"Decision record {record.RequestId} of zone '{Zone}' was not stored in bucket '{Bucket}' ({reason}).", e);
        }
    }

    public async IAsyncEnumerable<DecisionRecord> ReadAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A record past the retention is gone for readers, even before the sweep or the lifecycle deletes it.
        var expired = _time.GetUtcNow().AddDays(-_retentionDays);
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            var keys = new List<string>();
            await foreach (var (key, _) in _objects.ListAsync(DecisionKeys.DayPrefix(Zone, day), cancellationToken))
            {
                // The key holds the time to the millisecond: skip what cannot be in the window without reading it.
                if (DecisionKeys.TimeOf(key) is { } t && t <= to && t.AddMilliseconds(1) > from && t.AddMilliseconds(1) > expired)
                {
                    keys.Add(key);
                }
            }

            foreach (var batch in keys.Chunk(ReadParallelism))
            {
                foreach (var record in await Task.WhenAll(batch.Select(k => GetAsync(k, cancellationToken))))
                {
                    if (record is not null && record.Time >= from && record.Time <= to && record.Time > expired)
                    {
                        yield return record;
                    }
                }
            }
        }
    }

    /// <summary>One record by its key; null when there is none or it cannot be read.</summary>
    internal async Task<DecisionRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _objects.GetAsync(key, cancellationToken);
        if (response is null)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<DecisionRecord>(response.ResponseStream, TraceJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes every record whose retention ends before <paramref name="horizon"/> (the sweeper passes its next run); the
    /// key says each record's time, so no object is read. Scans back a week past the retention for records a stopped
    /// sweeper left to the lifecycle rule.
    /// </summary>
    public async Task<int> SweepAsync(DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var expiredBefore = horizon.AddDays(-_retentionDays);
        var expired = new List<string>();
        for (var day = _time.GetUtcNow().AddDays(-_retentionDays - 7).UtcDateTime.Date; day <= expiredBefore.UtcDateTime.Date; day = day.AddDays(1))
        {
            await foreach (var (key, writtenAt) in _objects.ListAsync(DecisionKeys.DayPrefix(Zone, day), cancellationToken))
            {
                // A key this log did not write says nothing of its record's time: it goes a retention after its upload.
                if ((DecisionKeys.TimeOf(key) ?? writtenAt) <= expiredBefore)
                {
                    expired.Add(key);
                }
            }
        }

        return await _objects.DeleteAsync(expired, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision record {RequestId} of zone '{Zone}' not stored in bucket '{Bucket}' ({Error}); the request was served.")]
    private static partial void LogNotStored(ILogger logger, string requestId, string zone, string bucket, string error);
}
