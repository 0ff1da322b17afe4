using System.Globalization;
using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static class PoolsReader
{
    public sealed record Catalogue(IReadOnlyList<Tier> Tiers, IReadOnlyList<Accelerator> Accelerators, IReadOnlyList<ModelSpec> Models);

    /// <summary>The aliases clients use that are not tiers: the edge picks the tier.</summary>
    public const string AutoAlias = "auto";

    public static Catalogue ReadCatalogue(YamlNodeReader root)
    {
        root.AllowOnly("tiers", "accelerators", "models", "pools");
        var tiers = new List<Tier>();
        foreach (var (level, t) in root["tiers"].Entries("List the cost tiers 0 to 3 with their aliases."))
        {
            t.AllowOnly("alias", "description");
            if (!int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n != tiers.Count)
            {
                t.Error($"Tier '{level}' is out of order.", $"Number tiers 0, 1, 2 … without gaps; this one should be {tiers.Count}.");
            }

            var alias = t["alias"].String("Give the tier the alias clients ask for, like fast.");
            if (alias == AutoAlias || tiers.Any(x => x.Alias == alias))
            {
                t["alias"].Error($"Alias '{alias}' is already taken.", "Give each tier its own alias; 'auto' is reserved.");
            }

            tiers.Add(new Tier(n, alias, t["description"].String("Describe the tier.")));
        }

        var accelerators = new List<Accelerator>();
        foreach (var (id, a) in root["accelerators"].Entries("List the accelerators pools may run on."))
        {
            a.AllowOnly("vendor", "runtime", "image", "resource", "memory_gb", "export_controlled");
            accelerators.Add(new Accelerator(
                id,
                a["vendor"].String("Name the vendor, like nvidia."),
                a["runtime"].String("Name the serving runtime: vllm or vllm-ascend."),
                a["image"].String("Give the container image with its tag."),
                a["resource"].String("Give the Kubernetes extended resource, like nvidia.com/gpu."),
                a["memory_gb"].Int("Give the memory per device in GB.", 1),
                a["export_controlled"].Bool(true)));
        }

        var models = new List<ModelSpec>();
        foreach (var (id, m) in root["models"].Entries("List the models pools serve."))
        {
            m.AllowOnly("source", "tier", "reasoning", "reasoning_parser");
            var tier = m["tier"].Int("Set the model's tier (0 to 3).", 0);
            if (tier >= tiers.Count)
            {
                m["tier"].Error($"Tier {tier} is not defined.", $"Use a tier from 0 to {tiers.Count - 1}.");
            }

            if (id == AutoAlias || tiers.Any(t => t.Alias == id))
            {
                m.Error($"Model id '{id}' collides with an alias.", "Rename the model: auto and the tier aliases are reserved.");
            }

            var reasoning = m["reasoning"].Bool(false);
            var parser = m["reasoning_parser"].OptionalString();
            if (reasoning && parser is null)
            {
                m.Error("A reasoning model needs a reasoning parser.", $"Set models.{id}.reasoning_parser (vLLM's --reasoning-parser, like deepseek_r1).");
            }

            models.Add(new ModelSpec(id, m["source"].String("Give the model's source, like Qwen/Qwen3-8B."), tier, reasoning, parser));
        }

        return new Catalogue(tiers, accelerators, models);
    }

    public static IReadOnlyList<Pool> ReadPools(YamlNodeReader root, Catalogue catalogue, IReadOnlyList<Zone> zones)
    {
        var pools = new List<Pool>();
        foreach (var (id, p) in root["pools"].Entries("List the GPU pools."))
        {
            p.AllowOnly("zone", "accelerator", "model", "replicas", "accelerators_per_replica", "max_concurrency", "price", "performance");
            var zoneId = p["zone"].String("Name the zone the pool runs in.");
            var zone = zones.FirstOrDefault(z => z.Id == zoneId);
            if (zone is null)
            {
                p["zone"].Error($"Unknown zone '{zoneId}'.", $"Use one of: {string.Join(", ", zones.Select(z => z.Id))}.");
            }
            else if (!id.StartsWith(zoneId + "-", StringComparison.Ordinal))
            {
                p.Error($"Pool id '{id}' does not start with its zone.", $"Rename it '{zoneId}-…', so every name says where the pool is.");
            }

            var acceleratorId = p["accelerator"].String("Name the accelerator, like h100.");
            var accelerator = catalogue.Accelerators.FirstOrDefault(a => a.Id == acceleratorId);
            if (accelerator is null)
            {
                p["accelerator"].Error($"Unknown accelerator '{acceleratorId}'.", $"Use one of: {string.Join(", ", catalogue.Accelerators.Select(a => a.Id))}.");
            }
            else if (zone is not null && !zone.Accelerators.Contains(acceleratorId))
            {
                p["accelerator"].Error($"Accelerator '{acceleratorId}' may not run in zone '{zone.Id}'.", $"Use one of zone {zone.Id}'s accelerators: {string.Join(", ", zone.Accelerators)}.");
            }

            var modelId = p["model"].String("Name the model the pool serves.");
            var model = catalogue.Models.FirstOrDefault(m => m.Id == modelId);
            if (model is null)
            {
                p["model"].Error($"Unknown model '{modelId}'.", $"Use one of: {string.Join(", ", catalogue.Models.Select(m => m.Id))}.");
            }

            var price = p["price"];
            price.AllowOnly("input", "cached_input", "output");
            var perf = p["performance"];
            perf.AllowOnly("ttft_ms", "tokens_per_second");
            var pool = new Pool(
                id,
                zoneId,
                accelerator ?? new Accelerator(acceleratorId, "", "", "", "", 0, true),
                model ?? new ModelSpec(modelId, "", 0, false, null),
                p["replicas"].Int("Set the number of replicas (at least 1).", 1),
                p["accelerators_per_replica"].Int("Set the accelerators each replica uses (at least 1).", 1),
                p["max_concurrency"].Int("Set how many requests the pool runs at once before queueing (at least 1).", 1),
                new Price(price["input"].Decimal("Give the USD price per million input tokens."), price["cached_input"].Decimal("Give the USD price per million cached input tokens."), price["output"].Decimal("Give the USD price per million output tokens.")),
                new Performance(perf["ttft_ms"].Int("Give the time to first token in ms.", 1), perf["tokens_per_second"].Int("Give the output tokens per second.", 1)),
                new Origin(root.Source.File, p.Line));
            pools.Add(pool);
        }

        return pools;
    }
}
