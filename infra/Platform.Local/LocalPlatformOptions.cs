namespace Platform.Local;

/// <summary>How to run the whole platform on this machine: ports, where traces go, and simulator speed.</summary>
public sealed record LocalPlatformOptions
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The edge's port; 0 picks a free one (tests).</summary>
    public int EdgePort { get; init; } = 8080;

    /// <summary>Root of the zones' local trace directories (<c>{root}/{zone}/…</c>).</summary>
    public string DataDirectory { get; init; } = Path.Combine(".local", "data");

    /// <summary>Simulated pools run this many times faster than their catalogue performance.</summary>
    public double SimulatorSpeedFactor { get; init; } = 1;

    /// <summary>Extra configuration for one kind of app ("edge", "regional:sgp", "pool:sgp-h100-fast-a"), as command-line args.</summary>
    public Func<string, IEnumerable<string>> ExtraArgs { get; init; } = _ => [];

    /// <summary>Log level for the platform's own categories (request lines); the framework stays at Warning.</summary>
    public string PlatformLogLevel { get; init; } = "Information";
}
