using Platform.Compliance;

namespace Platform.Audit;

/// <summary>
/// Loads the policies as every service does (their errors become findings, each tied to the invariant it protects),
/// then asks the loaded model the questions the invariants pose, so a rule the loader ever stops enforcing still shows.
/// </summary>
public static class PolicyAudit
{
    public static (ComplianceModel? Model, IReadOnlyList<AuditFinding> Findings) Check(string policiesDirectory)
    {
        var (model, errors) = ComplianceModel.Validate(policiesDirectory);
        var findings = errors.Select(e => new AuditFinding(Severity.Violation, RuleOf(e), e.File, e.Line, e.Key, e.Problem, e.Fix)).ToList();
        if (model is not null)
        {
            findings.AddRange(Check(model));
        }

        return (model, findings);
    }

    /// <summary>The invariants asked of a loaded model.</summary>
    public static IEnumerable<AuditFinding> Check(ComplianceModel model)
    {
        foreach (var home in model.Zones)
        {
            foreach (var info in model.DataClasses.Classes)
            {
                var serving = model.ServingZones(home.Id, info.Class);
                var elsewhere = serving.Where(z => z != home.Id).ToArray();
                if (elsewhere.Length == 0)
                {
                    continue;
                }

                var origin = model.Failover.First(f => f.From == home.Id && elsewhere.Contains(f.To)).Origin;
                if (info.PersonalData)
                {
                    yield return Finding(Invariant.PiiStaysHome, origin, $"flows.{home.Id}",
                        $"Class '{info.Class.ToWire()}' of zone {home.Id} may be served in {string.Join(", ", elsewhere)}.", $"Remove '{info.Class.ToWire()}' from flows.{home.Id}.failover.");
                }

                if (home.Isolated || elsewhere.Any(z => model.Zone(z).Isolated))
                {
                    yield return Finding(Invariant.IsolatedZone, origin, $"flows.{home.Id}",
                        $"Requests of zone {home.Id} ({info.Class.ToWire()}) may be served in {string.Join(", ", elsewhere)}, across an isolated zone's border.", $"Remove the rule from flows.{home.Id}.failover.");
                }
            }

            if (home.Retention.TraceDays > Retention.MaxTraceDays)
            {
                yield return Finding(Invariant.TraceRetention, home.Origin, $"zones.{home.Id}.retention.trace_days",
                    $"Traces of zone {home.Id} are kept {home.Retention.TraceDays} days.", $"Set it to {Retention.MaxTraceDays} or less.");
            }
        }

        foreach (var pool in model.Pools)
        {
            var zone = model.IsZone(pool.Zone) ? model.Zone(pool.Zone) : null;
            if (zone is null || !zone.Accelerators.Contains(pool.Accelerator.Id) || (zone.ExportRestricted && pool.Accelerator.ExportControlled))
            {
                yield return Finding(Invariant.PoolJurisdiction, pool.Origin, $"pools.{pool.Id}",
                    $"Pool {pool.Id} runs {pool.Accelerator.Id}, which zone {pool.Zone} does not allow.", $"Use one of zone {pool.Zone}'s accelerators.");
            }
        }

        foreach (var contact in model.Processing.Zones.Select(z => z.Officer).Prepend(model.Processing.Controller).Where(c => c.IsPlaceholder))
        {
            yield return new AuditFinding(Severity.Warning, Invariant.RecordOfProcessing, contact.Origin.File, contact.Origin.Line, contact.Role,
                $"The {contact.Role} is a placeholder ({contact.Name}).", "Fill in the name and contact before the maps go to a regulator or a data subject.");
        }

        foreach (var zone in model.Zones)
        {
            foreach (var provider in model.Routing.Of(zone.Id).ExternalProviders)
            {
                if (!provider.ProcessesIn(zone) && string.IsNullOrWhiteSpace(provider.Basis))
                {
                    yield return Finding(Invariant.TransferBasis, provider.Origin, $"zones.{zone.Id}.external_providers",
                        $"External provider {provider.Name} processes in {provider.ProcessingCountry}, outside zone {zone.Id}; no legal basis for sending it prompts is recorded.",
                        "Write basis: with the legal basis, or use a provider that processes in the zone.");
                }

                if (model.ClassesFor(provider).Any(model.DataClasses.IsPersonal) && !provider.ProcessesIn(zone))
                {
                    yield return Finding(Invariant.PiiStaysHome, provider.Origin, $"zones.{zone.Id}.external_providers",
                        $"External provider {provider.Name} processes in {provider.ProcessingCountry}, outside zone {zone.Id}, yet may receive personal data.", "Set in_zone_processor: false.");
                }

                if (zone.Isolated)
                {
                    yield return Finding(Invariant.IsolatedZone, provider.Origin, $"zones.{zone.Id}.external_providers",
                        $"Zone {zone.Id} is isolated, yet external provider {provider.Name} is configured for it.", $"Remove it from zones.{zone.Id}.external_providers.");
                }
            }
        }

        foreach (var rule in model.Failover.Where(r => string.IsNullOrWhiteSpace(r.Basis)))
        {
            yield return Finding(Invariant.TransferBasis, rule.Origin, $"flows.{rule.From}.failover",
                $"The flow {rule.From} → {rule.To} has no recorded legal basis.", "Write the basis under 'basis:'.");
        }
    }

    /// <summary>The invariant a loader error breaks, so the report groups it with the rule an officer checks.</summary>
    internal static string RuleOf(ModelError e) => e.Key switch
    {
        _ when e.Key.StartsWith("flows.", StringComparison.Ordinal) && e.Problem.Contains("isolated", StringComparison.Ordinal) => Invariant.IsolatedZone,
        _ when e.Key.StartsWith("flows.", StringComparison.Ordinal) && e.Key.EndsWith(".classes", StringComparison.Ordinal) => Invariant.PiiStaysHome,
        _ when e.Key.StartsWith("flows.", StringComparison.Ordinal) && e.Key.EndsWith(".basis", StringComparison.Ordinal) => Invariant.TransferBasis,
        _ when e.Key.Contains(".external_providers[", StringComparison.Ordinal) && e.Key.EndsWith(".basis", StringComparison.Ordinal) => Invariant.TransferBasis,
        _ when e.Key.Contains(".external_providers[", StringComparison.Ordinal) && e.Problem.Contains("isolated", StringComparison.Ordinal) => Invariant.IsolatedZone,
        _ when e.Key.Contains(".external_providers[", StringComparison.Ordinal) && e.Key.EndsWith(".in_zone_processor", StringComparison.Ordinal) => Invariant.PiiStaysHome,
        _ when e.Key.Contains(".processors[", StringComparison.Ordinal) && e.Problem.Contains("external_provider", StringComparison.Ordinal) => Invariant.RecordOfProcessing,
        _ when e.Key.EndsWith(".retention.trace_days", StringComparison.Ordinal) => Invariant.TraceRetention,
        _ when e.Key.StartsWith("pools.", StringComparison.Ordinal) && (e.Key.EndsWith(".zone", StringComparison.Ordinal) || e.Key.EndsWith(".accelerator", StringComparison.Ordinal)) => Invariant.PoolJurisdiction,
        _ when e.Key.StartsWith("zones.", StringComparison.Ordinal) && e.Key.EndsWith(".accelerators", StringComparison.Ordinal) => Invariant.PoolJurisdiction,
        _ => Invariant.PoliciesLoad,
    };

    private static AuditFinding Finding(string rule, Origin origin, string key, string message, string fix) =>
        new(Severity.Violation, rule, origin.File, origin.Line, key, message, fix);
}
