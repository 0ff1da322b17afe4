namespace Platform.Regional.Routing;

/// <summary>What a pool's last <c>/metrics</c> scrape said about its load.</summary>
internal sealed record PoolLoad(double Waiting, double Running, double KvCacheUsage);
