using System.Globalization;

namespace Platform.Local;

internal static class LocalArgs
{
    public static LocalPlatformOptions Parse(string[] args)
    {
        var options = new LocalPlatformOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--port" => options with { EdgePort = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--speed" => options with { SimulatorSpeedFactor = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--data" => options with { DataDirectory = args[i + 1] },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --port, --speed or --data."),
            };
        }

        return options;
    }

    public static void PrintWhereEverythingListens(LocalPlatform platform)
    {
        Console.WriteLine($"Edge (OpenAI-compatible)   {platform.EdgeUrl}v1");
        foreach (var (zone, url) in platform.RegionalUrls)
        {
            Console.WriteLine($"Regional function {zone,-4}    {url}v1   traces in {platform.TraceDirectory(zone)}");
        }

        foreach (var (pool, (url, _)) in platform.Pools)
        {
            var p = platform.Model.Pools.First(x => x.Id == pool);
            Console.WriteLine($"  pool {pool,-24} {url}   {p.Model.Id} (tier {p.Tier}, {p.Accelerator.Id}, simulated)");
        }

        Console.WriteLine("Press Ctrl-C to stop.");
    }
}
