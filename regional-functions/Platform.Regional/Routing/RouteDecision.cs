namespace Platform.Regional.Routing;

internal enum RouteStatus
{
    Routed,
    UnknownModel,
    AboveMaxTier,
    NoPool,
}

/// <summary>The pools to try, in order, and why; no pools unless <see cref="Status"/> is <see cref="RouteStatus.Routed"/>.</summary>
internal sealed record RouteDecision(RouteStatus Status, IReadOnlyList<string> PoolIds, string Reason);
