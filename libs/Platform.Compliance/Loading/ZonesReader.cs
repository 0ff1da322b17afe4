using System.Text.RegularExpressions;
using Platform.Compliance.Yaml;

namespace Platform.Compliance;

internal static partial class ZonesReader
{
    private static readonly Dictionary<string, string> PartitionRegionPrefix = new(StringComparer.Ordinal)
    {
        ["aws"] = "", // any commercial region
        ["aws-cn"] = "cn-",
        ["aws-us-gov"] = "us-gov-",
    };

    public static (string DefaultZone, IReadOnlyList<Zone> Zones) Read(YamlNodeReader root, IReadOnlyList<Accelerator> accelerators)
    {
        root.AllowOnly("default_home_zone", "zones");
        var zones = new List<Zone>();
        var countryOwner = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (id, z) in root["zones"].Entries("List the zones under 'zones:', each with its placement, home countries, accelerators and retention."))
        {
            z.AllowOnly("name", "regulation", "aws", "azure", "home_countries", "isolated", "export_restricted", "accelerators", "retention");
            if (!ZoneIdPattern().IsMatch(id))
            {
                z.Error($"Zone id '{id}' is not a short lower-case name.", "Use 2 to 8 lower-case letters, like sgp, fra or cn.");
            }

            var aws = new AwsPlacement(z["aws"]["partition"].String("Set the AWS partition: aws, aws-cn or aws-us-gov."), z["aws"]["region"].String("Set the AWS region, like ap-southeast-1."));
            if (aws.Partition.Length > 0 && !PartitionRegionPrefix.ContainsKey(aws.Partition))
            {
                z["aws"]["partition"].Error($"Unknown AWS partition '{aws.Partition}'.", "Use aws, aws-cn or aws-us-gov.");
            }
            else if (aws.Partition.Length > 0 && !RegionFitsPartition(aws))
            {
                z["aws"]["region"].Error($"Region '{aws.Region}' is not in partition '{aws.Partition}'.", "Mainland regions (cn-north-1, cn-northwest-1) belong to aws-cn, and aws-cn holds only them.");
            }

            var countries = z["home_countries"].Strings("List ISO 3166-1 alpha-2 country codes, like [SG, MY].");
            foreach (var country in countries)
            {
                if (!CountryPattern().IsMatch(country))
                {
                    z["home_countries"].Error($"'{country}' is not an ISO 3166-1 alpha-2 code.", "Use two upper-case letters, like DE.");
                }
                else if (!countryOwner.TryAdd(country, id))
                {
                    z["home_countries"].Error($"Country {country} is already home to zone '{countryOwner[country]}'.", "A country has exactly one home zone: remove it from one of the two.");
                }
            }

            var exportRestricted = z["export_restricted"].Bool(false);
            var allowed = z["accelerators"].Strings("List the accelerators this zone may run, like [h100, h200].");
            foreach (var a in allowed)
            {
                var accelerator = accelerators.FirstOrDefault(x => x.Id == a);
                if (accelerator is null)
                {
                    z["accelerators"].Error($"Unknown accelerator '{a}'.", $"Use one defined in pools.yaml: {string.Join(", ", accelerators.Select(x => x.Id))}.");
                }
                else if (exportRestricted && accelerator.ExportControlled)
                {
                    z["accelerators"].Error($"Accelerator '{a}' is export-controlled and zone '{id}' is export-restricted.", $"Remove '{a}' from zones.{id}.accelerators; use an accelerator that is not export-controlled.");
                }
            }

            var retention = z["retention"];
            retention.AllowOnly("trace_days", "decision_log_days");
            var traceDays = retention["trace_days"].Int($"Set zones.{id}.retention.trace_days to a number of days from 1 to {Retention.MaxTraceDays}.", 1);
            if (traceDays > Retention.MaxTraceDays)
            {
                retention["trace_days"].Error($"Trace retention of {traceDays} days exceeds the platform limit of {Retention.MaxTraceDays}.", $"Set it to {Retention.MaxTraceDays} or less.");
            }

            var decisionDays = retention["decision_log_days"].Int($"Set zones.{id}.retention.decision_log_days to a number of days (at least 1).", 1);

            zones.Add(new Zone(
                id,
                z["name"].String("Give the zone a readable name."),
                z["regulation"].String("Name the data-protection law the zone operates under."),
                aws,
                new AzurePlacement(z["azure"]["cloud"].String("Set the Azure cloud: AzureCloud or AzureChinaCloud."), z["azure"]["region"].String("Set the Azure region, like southeastasia.")),
                countries,
                z["isolated"].Bool(false),
                exportRestricted,
                allowed,
                new Retention(traceDays, decisionDays),
                new Origin(root.Source.File, z.Line)));
        }

        var defaultZone = root["default_home_zone"].String("Name the zone that is home to clients of any other country.");
        if (defaultZone.Length > 0 && zones.All(z => z.Id != defaultZone))
        {
            root["default_home_zone"].Error($"Unknown zone '{defaultZone}'.", $"Use one of: {string.Join(", ", zones.Select(z => z.Id))}.");
        }
        else if (zones.FirstOrDefault(z => z.Id == defaultZone) is { Isolated: true })
        {
            root["default_home_zone"].Error($"Zone '{defaultZone}' is isolated and cannot be the home of every other country.", "Choose a zone that is not isolated.");
        }

        return (defaultZone, zones);
    }

    private static bool RegionFitsPartition(AwsPlacement aws)
    {
        var prefix = PartitionRegionPrefix[aws.Partition];
        if (prefix.Length > 0)
        {
            return aws.Region.StartsWith(prefix, StringComparison.Ordinal);
        }

        return PartitionRegionPrefix.Values.Where(p => p.Length > 0).All(p => !aws.Region.StartsWith(p, StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z]{2,8}$")]
    private static partial Regex ZoneIdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
