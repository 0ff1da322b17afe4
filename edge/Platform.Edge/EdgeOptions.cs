using Platform.Contracts.OpenAi;

namespace Platform.Edge;

/// <summary>The edge's configuration (section <c>Edge</c>); validated once at start, every problem listed.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>The zone this edge runs in: home of requests with no pinned tenant and no trusted country.</summary>
    public string Zone { get; set; } = "sgp";

    /// <summary>
    /// The home zones whose requests this edge reads; empty means only <see cref="Zone"/>. A request homed in another
    /// zone is refused (421) before its body is read, so no prompt is processed outside its home jurisdiction, not
    /// even in a foreign edge's memory. Only the all-in-one local platform lists every zone.
    /// </summary>
    public List<string> HomeZones { get; set; } = [];

    public IReadOnlyList<string> AcceptedHomeZones => HomeZones.Count > 0 ? HomeZones : [Zone];

    /// <summary>Each zone's regional function: its URL and the key the edge signs that zone's tags with.</summary>
    public Dictionary<string, ZoneEndpoint> Zones { get; set; } = [];

    /// <summary>The header the front door (CDN, load balancer) puts the client's ISO country code in.</summary>
    public string ClientCountryHeader { get; set; } = "X-Client-Country";

    /// <summary>Addresses (IPs or CIDRs) of the front doors whose country header is trusted.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Trust the country header from loopback: for local runs, where the client is the front door.</summary>
    public bool TrustLoopback { get; set; }

    /// <summary>SHA-256 (hex) of an API key → tenant id; keys themselves are never stored.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>When false, a key that maps to no tenant is served as the <c>public</c> tenant.</summary>
    public bool RequireKnownApiKey { get; set; }

    public LatencyBudgetOptions LatencyBudgets { get; set; } = new();

    public int MaxBodyBytes { get; set; } = ChatRequest.MaxBodyBytes;
}

public sealed class ZoneEndpoint
{
    public string? Url { get; set; }
    public string? SigningKey { get; set; }

    /// <summary>Root of that zone's local decision log, where the edge records what it decided for requests served (or refused) there.</summary>
    public string? DecisionLogDirectory { get; set; }
}

/// <summary>Time to first token a request may wait, by kind, when the client sends no budget header.</summary>
public sealed class LatencyBudgetOptions
{
    public int InteractiveMs { get; set; } = 2_000;
    public int StandardMs { get; set; } = 15_000;
    public int BatchMs { get; set; } = 120_000;

    /// <summary>A non-streaming request asking for at least this many tokens is batch work.</summary>
    public int BatchMinMaxTokens { get; set; } = 4_096;
}
