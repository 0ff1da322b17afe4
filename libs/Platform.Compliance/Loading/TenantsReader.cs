using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static class TenantsReader
{
    public static IReadOnlyList<Tenant> Read(YamlNodeReader root, IReadOnlySet<string> zones, IReadOnlyList<Tier> tiers)
    {
        root.AllowOnly("tenants");
        var tenants = new List<Tenant>();
        foreach (var (id, t) in root["tenants"].Entries("List the tenants, including 'public'."))
        {
            t.AllowOnly("description", "home_zone", "max_tier");
            var home = t["home_zone"].OptionalString();
            if (home is not null && !zones.Contains(home))
            {
                t["home_zone"].Error($"Unknown zone '{home}'.", $"Use one of: {string.Join(", ", zones)}, or remove the key to home the tenant by country.");
            }

            var maxTier = t["max_tier"].Int("Set the highest tier the tenant may use.", 0);
            if (maxTier >= tiers.Count)
            {
                t["max_tier"].Error($"Tier {maxTier} is not defined.", $"Use a tier from 0 to {tiers.Count - 1}.");
            }

            tenants.Add(new Tenant(id, t["description"].String("Describe the tenant."), home, maxTier, new Origin(root.Source.File, t.Line)));
        }

        if (tenants.All(t => t.Id != Tenant.Public))
        {
            root["tenants"].Error("No 'public' tenant.", "Add tenants.public: it applies to API keys that map to no tenant.");
        }

        return tenants;
    }
}
