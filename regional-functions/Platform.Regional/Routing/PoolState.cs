using Platform.Compliance;

namespace Platform.Regional.Routing;

/// <summary>One available pool as the router sees it: its load (null until scraped) and its recent failures.</summary>
internal sealed record PoolState(Pool Pool, PoolLoad? Load, bool LastScrapeFailed, DateTimeOffset? LastErrorAt);
