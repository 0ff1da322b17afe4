using System.Globalization;
using System.Text;
using Platform.Local;

namespace Platform.Benchmarks.Load;

/// <summary>
/// <c>dotnet run -c Release --project tests/Platform.Benchmarks -- load [--rate 20 --seconds 30 --speed 1000 --out file.md]</c>:
/// the latency the edge and the regional function add over calling a pool directly, at a fixed rate, streaming and not,
/// all on loopback in one process. The simulator runs <c>--speed</c> times faster than its catalogue so the pool's own
/// time is small and the difference between targets is the gateways'.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Arg(args, "--rate", 20.0);
        var seconds = Arg(args, "--seconds", 30.0);
        var speed = Arg(args, "--speed", 1000.0);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();

        var data = Path.Combine(Path.GetTempPath(), "platform-load-" + Guid.NewGuid().ToString("N"));
        await using var platform = await LocalPlatform.StartAsync(new LocalPlatformOptions { EdgePort = 0, SimulatorSpeedFactor = speed, DataDirectory = data, PlatformLogLevel = "Warning" });
        var pool = platform.Model.PoolsIn("sgp").Where(p => p.Tier == 0).OrderBy(p => p.Id, StringComparer.Ordinal).First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };

        var samples = new List<LoadSample>();
        foreach (var stream in new[] { false, true })
        {
            foreach (var target in LoadTarget.For(platform, pool))
            {
                // Warm up connections, JIT and the regional function's pool metrics before measuring.
                await LoadRun.RunAsync(http, target, stream, rate, TimeSpan.FromSeconds(Math.Min(3, seconds)), CancellationToken.None);
                var sample = await LoadRun.RunAsync(http, target, stream, rate, TimeSpan.FromSeconds(seconds), CancellationToken.None);
                samples.Add(sample);
                Console.Error.WriteLine($"{target.Name,-24} stream={stream,-5} sent={sample.Sent} failed={sample.Failed}");
            }
        }

        var report = Render(samples, rate, seconds, speed, pool.Id);
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, report);
        }

        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        return samples.Any(s => s.Failed > 0) ? 1 : 0;
    }

    internal static string Render(IReadOnlyList<LoadSample> samples, double rate, double seconds, double speed, string pool)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Open loop, {rate} req/s for {seconds} s per row (after a warm-up), loopback, one process; pool {pool} simulated at {speed}x its catalogue speed; 32 output tokens.");
        s.AppendLine();
        s.AppendLine("| target | stream | sent | failed | first byte p50 / p90 / p99 ms | total p50 / p90 / p99 ms | added over pool, total p50 / p99 ms |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var x in samples)
        {
            var direct = samples.First(d => d.Stream == x.Stream && d.Target == "pool");
            var added = x == direct ? "—" : $"{F(x.P(x.TotalMs, 0.5) - direct.P(direct.TotalMs, 0.5))} / {F(x.P(x.TotalMs, 0.99) - direct.P(direct.TotalMs, 0.99))}";
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {x.Target} | {(x.Stream ? "yes" : "no")} | {x.Sent} | {x.Failed} | {F(x.P(x.FirstByteMs, 0.5))} / {F(x.P(x.FirstByteMs, 0.9))} / {F(x.P(x.FirstByteMs, 0.99))} | {F(x.P(x.TotalMs, 0.5))} / {F(x.P(x.TotalMs, 0.9))} / {F(x.P(x.TotalMs, 0.99))} | {added} |");
        }

        return s.ToString();
    }

    private static string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);

    private static double Arg(string[] args, string name, double fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
