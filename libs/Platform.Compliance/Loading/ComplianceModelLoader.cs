using Platform.Compliance.Yaml;

namespace Platform.Compliance;

/// <summary>Reads every policy file, then checks the rules that span files; refuses the whole model on any problem.</summary>
internal static class ComplianceModelLoader
{
    public static ComplianceModel Load(IReadOnlyDictionary<string, string?> files)
    {
        var (model, errors) = TryLoad(files);
        return model ?? throw new ComplianceModelException(errors);
    }

    public static (ComplianceModel? Model, IReadOnlyList<ModelError> Errors) TryLoad(IReadOnlyDictionary<string, string?> files)
    {
        var errors = new List<ModelError>();
        YamlSource Source(string name)
        {
            var (path, text) = files.First(f => f.Key.EndsWith(name, StringComparison.Ordinal));
            if (text is null)
            {
                errors.Add(new ModelError(path, 1, "(file)", "The file is missing.", $"Restore {name} from version control."));
                text = "{}";
            }

            return YamlSource.Parse(path, text, errors);
        }

        var zonesFile = Source("zones.yaml");
        var classesFile = Source("data-classes.yaml");
        var flowsFile = Source("flows.yaml");
        var poolsFile = Source("pools.yaml");
        var tenantsFile = Source("tenants.yaml");
        var processingFile = Source("processing.yaml");
        var routingFile = Source("routing.yaml");
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var catalogue = PoolsReader.ReadCatalogue(poolsFile.Root);
        var (defaultZone, zones) = ZonesReader.Read(zonesFile.Root, catalogue.Accelerators);
        var zoneIds = zones.Select(z => z.Id).ToHashSet(StringComparer.Ordinal);
        var dataClasses = DataClassesReader.Read(classesFile.Root);
        var failover = FlowsReader.Read(flowsFile.Root, zones, dataClasses);
        var pools = PoolsReader.ReadPools(poolsFile.Root, catalogue, zones);
        var tenants = TenantsReader.Read(tenantsFile.Root, zoneIds, catalogue.Tiers);
        var processing = ProcessingReader.Read(processingFile.Root, zones);
        var routing = RoutingReader.Read(routingFile.Root, zones, pools, catalogue.Tiers, processing);
        RoutingReader.CheckProviderProcessors(processingFile, processing, routing);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ComplianceModel(defaultZone, zones, dataClasses, failover, catalogue.Tiers, catalogue.Accelerators, catalogue.Models, pools, tenants, processing, routing), errors);
    }
}
