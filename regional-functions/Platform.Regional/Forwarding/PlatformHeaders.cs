using Platform.Contracts.Tags;

namespace Platform.Regional.Forwarding;

internal static class PlatformHeaders
{
    /// <summary>Tells the client (through the edge) where its request was served; zone and pool names only.</summary>
    public static void Set(HttpResponse response, string zone, RequestTags tags, string? pool)
    {
        response.Headers[InternalHeaders.ServedZone] = zone;
        response.Headers[InternalHeaders.HomeZone] = tags.HomeZone;
        response.Headers[InternalHeaders.RequestId] = tags.RequestId;
        if (pool is not null)
        {
            response.Headers[InternalHeaders.Pool] = pool;
        }
    }
}
