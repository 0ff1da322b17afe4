using Platform.Compliance;

namespace Platform.Regional.Routing;

/// <summary>
/// One available pool as the router sees it: its scraped load (null until scraped), whether its last scrape failed,
/// the requests this function has in flight to it now, and its circuit breaker's verdict (null: never judged).
/// <paramref name="Provider"/> is set when it is an external provider seen as a pool (never scraped).
/// </summary>
internal sealed record PoolState(Pool Pool, PoolLoad? Load, bool LastScrapeFailed, int InFlight = 0, PoolHealth? Health = null, ExternalProvider? Provider = null)
{
    public bool IsExternal => Provider is not null;
}
