using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Compliance;
using Platform.Edge;
using Platform.GpuPools.Simulator;
using Platform.Regional;

namespace Platform.Local;

/// <summary>
/// The whole platform in one process: a simulated pool per catalogue entry, one regional function per
/// zone, and the edge in front, wired with fresh per-zone signing keys. The same code starts the
/// README's local run and the end-to-end tests.
/// </summary>
public sealed class LocalPlatform : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    private LocalPlatform(ComplianceModel model, LocalPlatformOptions options)
    {
        Model = model;
        Options = options;
    }

    public ComplianceModel Model { get; }
    public LocalPlatformOptions Options { get; }
    public Uri EdgeUrl { get; private set; } = null!;
    public IReadOnlyDictionary<string, Uri> RegionalUrls { get; private set; } = new Dictionary<string, Uri>();
    public IReadOnlyDictionary<string, (Uri Url, WebApplication App)> Pools { get; private set; } = new Dictionary<string, (Uri, WebApplication)>();
    public IReadOnlyDictionary<string, byte[]> SigningKeys { get; private set; } = new Dictionary<string, byte[]>();

    public string TraceDirectory(string zone) => Path.GetFullPath(Path.Combine(Options.DataDirectory, zone));

    public static async Task<LocalPlatform> StartAsync(LocalPlatformOptions options, CancellationToken cancellationToken = default)
    {
        var platform = new LocalPlatform(ComplianceModel.Embedded, options);
        try
        {
            await platform.StartAllAsync(cancellationToken);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(CancellationToken ct)
    {
        var pools = new Dictionary<string, (Uri, WebApplication)>();
        foreach (var pool in Model.Pools)
        {
            var app = SimulatorApp.Create([.. Common(), $"--Simulator:Pool={pool.Id}", $"--Simulator:SpeedFactor={Options.SimulatorSpeedFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)}", .. Options.ExtraArgs("pool:" + pool.Id)]);
            pools[pool.Id] = (await StartAsync(app, ct), app);
        }

        Pools = pools;
        var keys = Model.Zones.ToDictionary(z => z.Id, _ => RandomNumberGenerator.GetBytes(32));
        SigningKeys = keys;

        var regional = new Dictionary<string, Uri>();
        foreach (var zone in Model.Zones)
        {
            var app = RegionalApp.Create([
                .. Common(),
                $"--Regional:Zone={zone.Id}",
                $"--Regional:SigningKey={Convert.ToBase64String(keys[zone.Id])}",
                $"--Regional:Traces:Directory={TraceDirectory(zone.Id)}",
                .. Model.PoolsIn(zone.Id).Select(p => $"--Regional:Pools:{p.Id}:Endpoint={pools[p.Id].Item1}"),
                .. Options.ExtraArgs("regional:" + zone.Id),
            ]);
            regional[zone.Id] = await StartAsync(app, ct);
        }

        RegionalUrls = regional;
        var edge = EdgeApp.Create([
            .. Common(Options.EdgePort),
            "--Edge:TrustLoopback=true",
            // One edge for every zone: only in this all-in-one local run; a deployed edge reads its own zone's requests only.
            .. Model.Zones.Select((z, i) => $"--Edge:HomeZones:{i}={z.Id}"),
            .. Model.Zones.SelectMany(z => new[]
            {
                $"--Edge:Zones:{z.Id}:Url={regional[z.Id]}",
                $"--Edge:Zones:{z.Id}:SigningKey={Convert.ToBase64String(keys[z.Id])}",
                $"--Edge:Zones:{z.Id}:DecisionLogDirectory={TraceDirectory(z.Id)}",
            }),
            .. Options.ExtraArgs("edge"),
        ]);
        EdgeUrl = await StartAsync(edge, ct);
    }

    private string[] Common(int port = 0) =>
    [
        $"--urls=http://{Options.Host}:{port}",
        "--Logging:LogLevel:Default=Warning",
        $"--Logging:LogLevel:Platform={Options.PlatformLogLevel}",
    ];

    private async Task<Uri> StartAsync(WebApplication app, CancellationToken ct)
    {
        _apps.Add(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        // Front to back, so nothing forwards into an app that is already gone.
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        _apps.Clear();
    }
}
