using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.Traces.S3;

/// <summary>
/// A zone's objects under one prefix of its bucket (its traces, or its decision records): the writes, reads, listings
/// and deletes both S3 stores make. Every key is checked to be under the prefix before any request is sent, and every
/// object carries its expiry (tag and metadata), retention class and zone, under the zone's KMS key when there is one.
/// </summary>
internal sealed class ZoneObjects(IAmazonS3 s3, string bucket, string zone, string prefix, string holds)
{
    public const string ExpiresAtTag = "expires-at";
    public const string RetentionClassTag = "retention-class";
    public const string ZoneTag = "zone";

    private const int DeleteParallelism = 8;

    public string Bucket => bucket;

    public string Prefix => prefix;

    public void EnsureKey(string key)
    {
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"This store keeps {holds} of zone '{zone}' only; the key is not under '{prefix}'.", nameof(key));
        }
    }

    /// <summary>The write of one object: its key, bytes, tags and metadata, and the zone's key when there is one.</summary>
    public static PutObjectRequest PutRequest(string bucket, string key, byte[] body, DateTimeOffset expiresAt, string retentionClass, string zone, string? kmsKeyId)
    {
        var expires = expiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(body),
            ContentType = "application/json",
            TagSet =
            [
                new Tag { Key = ExpiresAtTag, Value = expires },
                new Tag { Key = RetentionClassTag, Value = retentionClass },
                new Tag { Key = ZoneTag, Value = zone },
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

    public async Task PutAsync(string key, byte[] body, DateTimeOffset expiresAt, string retentionClass, string? kmsKeyId, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        await s3.PutObjectAsync(PutRequest(bucket, key, body, expiresAt, retentionClass, zone, kmsKeyId), cancellationToken);
    }

    /// <summary>The object, or null when there is none; the caller disposes the response.</summary>
    public async Task<GetObjectResponse?> GetAsync(string key, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        try
        {
            return await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The expiry an object was written with; null when it has none that can be read (then it counts as expired).</summary>
    public static DateTimeOffset? ExpiryOf(MetadataCollection metadata) =>
        DateTimeOffset.TryParse(metadata[ExpiresAtTag], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt) ? expiresAt : null;

    /// <summary>The object's expiry from its metadata (one HEAD); null when it has none, or is gone.</summary>
    public async Task<DateTimeOffset?> ExpiryAsync(string key, CancellationToken cancellationToken)
    {
        EnsureKey(key);
        try
        {
            var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken);
            return ExpiryOf(head.Metadata);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Objects under a prefix of this zone's, in key order, with when each was written (by the store's clock).</summary>
    public async IAsyncEnumerable<(string Key, DateTimeOffset WrittenAt)> ListAsync(string under, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        EnsureKey(under);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = under };
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var o in page.S3Objects ?? [])
            {
                yield return (o.Key, Utc(o.LastModified));
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>Deletes the objects, a few at a time; returns how many.</summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            EnsureKey(key);
        }

        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = DeleteParallelism, CancellationToken = cancellationToken },
            async (key, ct) => await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, ct));
        return keys.Count;
    }

    // The SDK hands back a DateTime whose kind depends on the version; S3 itself speaks UTC.
    private static DateTimeOffset Utc(DateTime? time) => time switch
    {
        null => DateTimeOffset.MaxValue,
        { Kind: DateTimeKind.Local } t => new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero),
        { } t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
