using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Contracts.Tags;

public enum TagVerdict
{
    Valid,
    Missing,
    Malformed,
    BadSignature,
    Expired,
    BodyMismatch,
    OtherZone,
}

public sealed record SignedTagHeaders(string Tags, string Timestamp, string BodySha256, string Signature);

/// <summary>
/// HMAC-SHA256 over the tags, a timestamp and the SHA-256 of the body, with the serving zone's key.
/// A regional function trusts a request only when this verifies with its own key.
/// </summary>
public static class TagSigner
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    // Clocks of edge and region drift a little; a signature from the near future is not a replay.
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    public static SignedTagHeaders Sign(RequestTags tags, ReadOnlySpan<byte> body, byte[] zoneKey, DateTimeOffset now)
    {
        var encoded = Base64Url(JsonSerializer.SerializeToUtf8Bytes(tags, Json));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        return new SignedTagHeaders(encoded, timestamp, bodyHash, "v1=" + Convert.ToHexStringLower(Mac(zoneKey, encoded, timestamp, bodyHash)));
    }

    public static (TagVerdict Verdict, RequestTags? Tags) Verify(
        string? tagsHeader, string? timestampHeader, string? bodyHashHeader, string? signatureHeader, ReadOnlySpan<byte> body, string zone, byte[] zoneKey, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(tagsHeader) || string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(bodyHashHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return (TagVerdict.Missing, null);
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signatureHeader.StartsWith("v1=", StringComparison.Ordinal))
        {
            return (TagVerdict.Malformed, null);
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.AsSpan(3));
        }
        catch (FormatException)
        {
            return (TagVerdict.Malformed, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Mac(zoneKey, tagsHeader, timestampHeader, bodyHashHeader)))
        {
            return (TagVerdict.BadSignature, null);
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(body)), bodyHashHeader, StringComparison.Ordinal))
        {
            return (TagVerdict.BodyMismatch, null);
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > MaxAge || age < -MaxClockSkew)
        {
            return (TagVerdict.Expired, null);
        }

        RequestTags? tags;
        try
        {
            tags = JsonSerializer.Deserialize<RequestTags>(FromBase64Url(tagsHeader), Json);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (TagVerdict.Malformed, null);
        }

        if (tags is null)
        {
            return (TagVerdict.Malformed, null);
        }

        return tags.ServingZone == zone ? (TagVerdict.Valid, tags) : (TagVerdict.OtherZone, tags);
    }

    private static byte[] Mac(byte[] key, string tags, string timestamp, string bodyHash)
    {
        var message = Encoding.UTF8.GetBytes($"v1\n{timestamp}\n{bodyHash}\n{tags}");
        return HMACSHA256.HashData(key, message);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '='));
    }
}
