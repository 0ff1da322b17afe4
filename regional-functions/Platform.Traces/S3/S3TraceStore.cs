using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Platform.Compliance;
using Platform.Traces.Spool;

namespace Platform.Traces.S3;

/// <summary>
/// A zone's traces as objects in the zone's bucket, under <see cref="TraceKeys.For"/>, tagged with their expiry,
/// retention class and zone, encrypted under the zone's KMS key when one is configured. The bucket's lifecycle
/// rule deletes them; reads also hide any the rule has not reached yet.
/// </summary>
internal sealed class S3TraceStore : ITraceStore
{
    public const string ExpiresAtTag = "expires-at";
    public const string RetentionClassTag = "retention-class";
    public const string ZoneTag = "zone";

    private readonly IAmazonS3 _s3;
    private readonly Zone _zone;
    private readonly string? _kmsKeyId;
    private readonly TimeProvider _time;

    public S3TraceStore(IAmazonS3 s3, string bucket, Zone zone, string? kmsKeyId, TraceBucketGuard guard, TimeProvider time)
    {
        if (!TraceBucketNames.BelongsTo(bucket, zone.Id))
        {
            throw new ArgumentException($"Bucket '{bucket}' is not a trace bucket of zone '{zone.Id}': its name must follow {TraceBucketNames.Rule(zone.Id)}.", nameof(bucket));
        }

        _s3 = s3;
        Bucket = bucket;
        _zone = zone;
        _kmsKeyId = kmsKeyId;
        Guard = guard;
        _time = time;
    }

    public string Zone => _zone.Id;

    public string Bucket { get; }

    public TraceBucketGuard Guard { get; }

    public static string RetentionClass(Zone zone) => $"trace-{zone.Retention.TraceDays}d";

    public async Task<StoredTrace> PutAsync(TraceRecord trace, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        TraceZoneGuard.EnsureTrace(Zone, trace);
        var stored = new StoredTrace(TraceKeys.For(Zone, trace.StartedAt, trace.RequestId), TraceZoneGuard.Expiry(_zone, trace, expiresAt), trace);

        // Nothing is written to a bucket whose lifecycle has not been seen to delete it in time.
        await Guard.EnsureAsync(cancellationToken);

        var request = PutRequest(Bucket, stored, _zone, _kmsKeyId);
        await _s3.PutObjectAsync(request, cancellationToken);
        return stored;
    }

    /// <summary>The write of one trace: its key, its bytes, its tags and metadata, and the zone's key when there is one.</summary>
    internal static PutObjectRequest PutRequest(string bucket, StoredTrace stored, Zone zone, string? kmsKeyId)
    {
        var expires = stored.ExpiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = stored.Key,
            InputStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(stored.Trace, TraceJson.Options)),
            ContentType = "application/json",
            TagSet =
            [
                new Tag { Key = ExpiresAtTag, Value = expires },
                new Tag { Key = RetentionClassTag, Value = RetentionClass(zone) },
                new Tag { Key = ZoneTag, Value = zone.Id },
            ],
        };
        // Also as metadata, so a read learns the expiry without a second request.
        request.Metadata.Add(ExpiresAtTag, expires);
        if (kmsKeyId is not null)
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
        }

        return request;
    }

    public async Task<StoredTrace?> GetAsync(string key, CancellationToken cancellationToken)
    {
        TraceZoneGuard.EnsureKey(Zone, key);
        GetObjectResponse response;
        try
        {
            response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using (response)
        {
            // Lifecycle deletion runs once a day: until it does, an expired trace is already gone for readers.
            if (!DateTimeOffset.TryParse(response.Metadata[ExpiresAtTag], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt)
                || expiresAt <= _time.GetUtcNow())
            {
                return null;
            }

            var trace = await JsonSerializer.DeserializeAsync<TraceRecord>(response.ResponseStream, TraceJson.Options, cancellationToken);
            return trace is null ? null : new StoredTrace(key, expiresAt, trace);
        }
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
    /// Deletes every trace of each day whose traces have all expired (the day plus the retention has passed), over the
    /// days a trace could still exist. The bucket's lifecycle counts from upload, so a trace delivered late from the spool
    /// would outlive its expiry by the delay: this bounds it to at most a day past its expiry (readers never see it after).
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var newest = _time.GetUtcNow().AddDays(-_zone.Retention.TraceDays - 1);
        var oldest = newest.AddDays(-_zone.Retention.TraceDays - 2);
        var deleted = 0;
        foreach (var prefix in TraceKeys.DayPrefixes(Zone, oldest, newest))
        {
            await foreach (var key in KeysUnder(prefix, cancellationToken))
            {
                await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Keys under a prefix of this zone, in key order.</summary>
    public async IAsyncEnumerable<string> KeysUnder(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TraceZoneGuard.EnsureKey(Zone, prefix);
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        while (true)
        {
            var page = await _s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
            {
                yield return o.Key;
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }
}
