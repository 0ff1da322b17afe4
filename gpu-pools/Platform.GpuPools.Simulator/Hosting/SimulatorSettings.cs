using System.Globalization;
using Platform.Compliance;

namespace Platform.GpuPools.Simulator.Hosting;

/// <summary>The pool this app imitates (from the compliance model) and how much faster than real time it runs.</summary>
internal sealed record SimulatorSettings(Pool Pool, double SpeedFactor)
{
    public static SimulatorSettings From(IConfiguration configuration)
    {
        var model = configuration["Platform:PoliciesDirectory"] is { Length: > 0 } dir
            ? ComplianceModel.Load(dir)
            : ComplianceModel.Embedded;
        return From(model, configuration["Simulator:Pool"], configuration["Simulator:SpeedFactor"]);
    }

    public static SimulatorSettings From(ComplianceModel model, string? poolId, string? speedFactor)
    {
        var known = string.Join(", ", model.Pools.Select(p => p.Id));
        if (string.IsNullOrWhiteSpace(poolId))
        {
            throw new InvalidOperationException(
                $"Simulator:Pool is not set: pass --Simulator:Pool=<pool id>, one of the pools in policies/pools.yaml: {known}.");
        }

        var pool = model.Pools.FirstOrDefault(p => p.Id == poolId)
            ?? throw new InvalidOperationException(
                $"Simulator:Pool '{poolId}' is not a pool in policies/pools.yaml. Known pools: {known}.");

        var speed = 1.0;
        if (speedFactor is not null
            && (!double.TryParse(speedFactor, NumberStyles.Float, CultureInfo.InvariantCulture, out speed) || !double.IsFinite(speed) || speed <= 0))
        {
            throw new InvalidOperationException($"Simulator:SpeedFactor '{speedFactor}' must be a positive number (1 = the pool's real speed).");
        }

        return new SimulatorSettings(pool, speed);
    }
}
