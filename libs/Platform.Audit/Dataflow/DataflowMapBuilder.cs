using System.Globalization;
using Platform.Compliance;
using Platform.Infra.Plan;
using Platform.Traces.S3;

namespace Platform.Audit;

/// <summary>
/// Builds a zone's data-flow map from the compliance model and the zone's deployment plan (what <c>pulumi up</c> would
/// create): every fact on it is a query of one of the two, never written here.
/// </summary>
public static class DataflowMapBuilder
{
    public static readonly IReadOnlyList<string> PolicyFiles =
        ["policies/zones.yaml", "policies/data-classes.yaml", "policies/flows.yaml", "policies/pools.yaml", "policies/processing.yaml", "policies/routing.yaml"];

    public static DataflowMap Build(ComplianceModel model, string zoneId, DeploymentPlan? plan = null)
    {
        var zone = model.Zone(zoneId);
        var record = model.Processing;
        var processing = record.Of(zoneId);
        var outbound = model.Failover.Where(f => f.From == zoneId).ToArray();
        var inbound = model.Failover.Where(f => f.To == zoneId).ToArray();

        // Served here: every class of requests homed here, plus what other zones may fail over to it.
        var allClasses = model.DataClasses.Classes.Select(c => c.Class).ToArray();
        var servedHere = allClasses.Where(c => model.ServingZones(zoneId, c).Contains(zoneId) || inbound.Any(f => f.Classes.Contains(c))).ToArray();

        var nodes = new List<MapNode>
        {
            new("client", $"Client applications (users homed in {zoneId})", zoneId, "client", null),
            new(NodeId("edge", zoneId), $"Edge {plan?.EdgeFunctionApp.Name} ({zone.Azure.Cloud} {zone.Azure.Region})".Replace("  ", " ", StringComparison.Ordinal), zoneId, SystemPart.Edge.ToWire(), Host(processing, SystemPart.Edge)),
            new(NodeId("regional", zoneId), $"Regional function {plan?.RegionalFunction.Name} (AWS {zone.Aws.Region})".Replace("  ", " ", StringComparison.Ordinal), zoneId, SystemPart.RegionalFunction.ToWire(), Host(processing, SystemPart.RegionalFunction)),
        };
        nodes.AddRange(model.PoolsIn(zoneId).Select(p =>
            new MapNode(NodeId("pool", p.Id), $"Pool {p.Id}: {p.Model.Id} on {p.Accelerator.Id}", zoneId, SystemPart.GpuPools.ToWire(), Host(processing, SystemPart.GpuPools))));
        nodes.Add(new(NodeId("traces", zoneId), $"Trace bucket {plan?.TraceBucket.Name} (at most {plan?.TraceBucket.ExpirationDays ?? zone.Retention.TraceDays} days)".Replace("  ", " ", StringComparison.Ordinal), zoneId, SystemPart.TraceStore.ToWire(), Host(processing, SystemPart.TraceStore)));
        nodes.Add(new(NodeId("decisions", zoneId), $"Decision log ({zone.Retention.DecisionLogDays} days, metadata only)", zoneId, SystemPart.DecisionLog.ToWire(), Host(processing, SystemPart.DecisionLog)));
        foreach (var rule in outbound)
        {
            nodes.Add(new(NodeId("regional", rule.To), $"Regional function of {rule.To} (AWS {model.Zone(rule.To).Aws.Region})", rule.To, SystemPart.RegionalFunction.ToWire(), Host(record.Of(rule.To), SystemPart.RegionalFunction)));
        }

        var providers = model.Routing.Of(zoneId).ExternalProviders;
        nodes.AddRange(providers.Select(p => new MapNode(
            NodeId("provider", p.Name), $"External provider {p.Name} ({p.Model}, processes in {p.ProcessingCountry})",
            p.ProcessesIn(zone) ? zoneId : OutsideZones, ExternalProviderPart, p.Name)));

        foreach (var rule in inbound)
        {
            var from = model.Zone(rule.From);
            nodes.Add(new(NodeId("edge", rule.From), $"Edge of {rule.From} ({from.Azure.Cloud} {from.Azure.Region})", rule.From, SystemPart.Edge.ToWire(), Host(record.Of(rule.From), SystemPart.Edge)));
        }

        var homeClasses = Wire(allClasses);
        var served = Wire(servedHere);
        var flows = new List<MapFlow>
        {
            Within("client", NodeId("edge", zoneId), homeClasses, PromptsAndAnswers),
            Within(NodeId("edge", zoneId), NodeId("regional", zoneId), homeClasses, PromptsAndAnswers),
        };
        flows.AddRange(outbound.Select(r =>
            new MapFlow(NodeId("edge", zoneId), NodeId("regional", r.To), Wire(r.Classes), PromptsAndAnswers, true, MapFlow.Outbound, r.Basis, Source(r.Origin))));
        flows.AddRange(inbound.Select(r =>
            new MapFlow(NodeId("edge", r.From), NodeId("regional", zoneId), Wire(r.Classes), PromptsAndAnswers, true, MapFlow.Inbound, r.Basis, Source(r.Origin))));
        flows.AddRange(model.PoolsIn(zoneId).Select(p => Within(NodeId("regional", zoneId), NodeId("pool", p.Id), served, PromptsAndAnswers)));
        // What a provider may receive is the model's one rule (MayReceive): never personal data abroad, nothing from an isolated zone.
        flows.AddRange(providers.Select(p => new MapFlow(
            NodeId("regional", zoneId), NodeId("provider", p.Name), Wire(model.ClassesFor(p).Where(servedHere.Contains)), PromptsAndAnswers,
            !p.ProcessesIn(zone), p.ProcessesIn(zone) ? MapFlow.Within : MapFlow.Outbound, p.Basis, Source(p.Origin))));
        flows.Add(Within(NodeId("regional", zoneId), NodeId("traces", zoneId), served, "Tags, reasoning and answer of each request"));
        flows.Add(Within(NodeId("edge", zoneId), NodeId("decisions", zoneId), [], Metadata));
        flows.Add(Within(NodeId("regional", zoneId), NodeId("decisions", zoneId), [], Metadata));

        var recipients = processing.Processors.Where(p => providers.All(x => x.Name != p.Name)).Select(p => new MapRecipient(p.Name, zoneId, p.Role, p.Hosts.Select(h => h.ToWire()).ToArray(), Source(p.Origin)))
            .Concat(outbound.SelectMany(r => record.Of(r.To).Processors
                .Where(p => p.Hosts.Contains(SystemPart.RegionalFunction) || p.Hosts.Contains(SystemPart.GpuPools))
                .Select(p => new MapRecipient(p.Name, r.To, $"{p.Role} Receives only what flows.yaml lets fail over ({string.Join(", ", Wire(r.Classes))}).", p.Hosts.Select(h => h.ToWire()).ToArray(), Source(p.Origin)))))
            .Concat(providers.Select(p => new MapRecipient(
                p.Name, p.ProcessesIn(zone) ? zoneId : OutsideZones, ProviderRole(model, p), [ExternalProviderPart], Source(p.Origin))))
            .ToArray();

        return new DataflowMap(
            zoneId,
            zone.Name,
            zone.Regulation,
            zone.Isolated,
            zone.HomeCountries,
            new MapPlacement(zone.Aws.Partition, zone.Aws.Region, zone.Azure.Cloud, zone.Azure.Region),
            Contact(record.Controller),
            Contact(processing.Officer),
            processing.LawfulBasis,
            record.Purposes.Select(p => new MapPurpose(p.Id, p.Description, Wire(p.Classes), Source(p.Origin))).ToArray(),
            record.DataSubjects,
            model.DataClasses.Classes.Select(c => new MapDataCategory(
                c.Class.ToWire(), c.PersonalData, c.Description, model.DataClasses.Types.Where(t => t.Class == c.Class).Select(t => t.Name).ToArray())).ToArray(),
            nodes,
            flows,
            recipients,
            new MapTransfers(
                processing.TransferRegime,
                outbound.Any(r => r.Classes.Any(model.DataClasses.IsPersonal)) || providers.Any(p => !p.ProcessesIn(zone) && model.ClassesFor(p).Any(model.DataClasses.IsPersonal)),
                outbound.Select(r => Transfer(model, r, r.To))
                    .Concat(providers.Where(p => !p.ProcessesIn(zone)).Select(p => new MapTransfer(
                        zoneId, p.ProcessingCountry, $"External provider {p.Name}", $"processing country {p.ProcessingCountry}", Wire(model.ClassesFor(p)), p.Basis ?? NoBasisRecorded, Source(p.Origin))))
                    .ToArray(),
                inbound.Select(r => Transfer(model, r, r.To)).ToArray()),
            RetentionOf(zone, servedHere.Length > 0, plan),
            record.SecurityMeasures,
            plan is null ? [] : Resources(plan),
            plan is null ? PolicyFiles : [.. PolicyFiles, $"Pulumi.{plan.Stack}.yaml"]);
    }

    /// <summary>A Mermaid-safe node id: letters, digits and '_'.</summary>
    public static string NodeId(string kind, string id) => $"{kind}_{id.Replace('-', '_')}";

    /// <summary>The zone of a node outside every platform zone (an external provider abroad).</summary>
    public const string OutsideZones = "external";

    public const string ExternalProviderPart = "external_provider";

    /// <summary>What a transfer's basis reads when the policies record none; the audit reports every such transfer.</summary>
    public const string NoBasisRecorded = "NONE RECORDED";

    private const string PromptsAndAnswers = "Prompts and answers";
    private const string Metadata = "Metadata only: where the request went, data class, names of personal-data types found; no prompt, answer or value";

    private static MapFlow Within(string from, string to, IReadOnlyList<string> classes, string carries) =>
        new(from, to, classes, carries, false, MapFlow.Within, null, null);

    private static MapTransfer Transfer(ComplianceModel model, FailoverRule rule, string to) =>
        new(rule.From, to, model.Zone(to).Name, model.Zone(to).Regulation, Wire(rule.Classes), rule.Basis, Source(rule.Origin));

    private static MapRetention[] RetentionOf(Zone zone, bool serves, DeploymentPlan? plan)
    {
        var zones = $"policies/zones.yaml:{zone.Origin.Line}";
        var bucketDays = plan?.TraceBucket.ExpirationDays ?? zone.Retention.TraceDays;
        MapRetention[] logs = plan is null
            ? []
            : [new("Function logs", "Request metadata only (the apps never log a prompt, answer or value)", plan.RegionalFunction.LogRetentionDays,
                $"CloudWatch log group {plan.RegionalFunction.LogGroupName} expires events after {plan.RegionalFunction.LogRetentionDays} days.", $"Pulumi.{plan.Stack}.yaml")];
        return
        [
            new("Edge", "The request while it is routed", null, "Not stored: held in memory for the duration of the request.", zones),
            new("GPU pools", "Prompt and answer while the model runs", null, "Not stored: held in accelerator memory (and vLLM's prefix cache until evicted), never written to disk.", zones),
            new("Trace spool", "Traces waiting for the trace bucket", zone.Retention.TraceDays, "Deleted at the trace's expiry even if never delivered.", zones),
            new("Trace bucket", serves ? "Tags, reasoning, answer and timings of each request" : "Nothing", bucketDays,
                $"Each trace is deleted by the regional function's hourly sweep before {bucketDays} days after writing, and by a lifecycle rule of {LifecycleRuleSpec.Traces(zone.Id, bucketDays).ExpirationDays} days (S3 rounds it up to the next midnight UTC) as the backstop (zone limit {zone.Retention.TraceDays}, platform limit {Retention.MaxTraceDays}). Expired traces are never returned.", zones),
            new("Decision log", "Metadata only (no personal data)", zone.Retention.DecisionLogDays, $"Each record is deleted before it is {zone.Retention.DecisionLogDays} days old: swept one by one (local folder or the zone's bucket), with a lifecycle rule on the bucket's decisions prefix as the backstop. Expired records are never returned.", zones),
            .. logs,
        ];
    }

    private static MapResource[] Resources(DeploymentPlan plan)
    {
        var b = plan.TraceBucket;
        var f = plan.RegionalFunction;
        var e = plan.EdgeFunctionApp;
        var egressToIpBlocks = plan.NetworkPolicies.Any(p => p.Egress.Any(r => r.Peers.Any(x => x.IpBlockCidr is not null)));
        return
        [
            new(SystemPart.Edge.ToWire(), e.Name, $"{plan.Azure.Cloud} {e.Location}", [$"Function app plan {e.PlanSkuName} ({e.PlanSkuTier})", $"Knows the regional function of {plan.Zone} through {e.RegionalUrlSetting}"]),
            new(SystemPart.RegionalFunction.ToWire(), f.Name, $"AWS {plan.Aws.Partition} {f.Region}",
            [
                $"Function URL auth {f.FunctionUrlAuthType}: every request must carry tags signed with zone {plan.Zone}'s key",
                $"Runs in {f.SubnetIds.Count.ToString(CultureInfo.InvariantCulture)} private subnet(s) of the zone's VPC",
                $"Log group {f.LogGroupName}, {f.LogRetentionDays.ToString(CultureInfo.InvariantCulture)} days",
            ]),
            new(SystemPart.TraceStore.ToWire(), b.Name, $"AWS {plan.Aws.Partition} {b.Region}",
            [
                $"Encrypted with KMS key {b.KmsKeyAlias}",
                $"Public access {(b.BlockPublicAccess ? "blocked" : "ALLOWED")}; object ownership {b.ObjectOwnership}",
                $"Replication {(b.Replication ? "ON" : "off")}; versioning {(b.Versioning ? "on" : "off")}; object lock {(b.ObjectLock ? "ON" : "off")}",
                $"Lifecycle: objects expire after {b.ExpirationDays.ToString(CultureInfo.InvariantCulture)} days, noncurrent versions after {b.NoncurrentVersionExpirationDays.ToString(CultureInfo.InvariantCulture)}",
            ]),
            new(SystemPart.GpuPools.ToWire(), $"namespace {plan.Kubernetes.Namespace}", $"Kubernetes cluster of zone {plan.Zone}",
            [
                string.Join(", ", plan.PoolDeployments.Select(p => $"{p.PoolId} ×{p.Replicas.ToString(CultureInfo.InvariantCulture)} on {p.Accelerator}")),
                $"Network policies: {string.Join(", ", plan.NetworkPolicies.Select(p => p.Name))}; egress to IP blocks {(egressToIpBlocks ? "ALLOWED" : "none")}",
                $"Services: {string.Join(", ", plan.PoolDeployments.Select(p => p.ServiceType).Distinct())}, internal only",
            ]),
        ];
    }

    /// <summary>A provider as a recipient: its model, where it processes, what it may receive and on what basis.</summary>
    private static string ProviderRole(ComplianceModel model, ExternalProvider p) =>
        $"External tier-3 provider (OpenAI-compatible, model {p.Model}) processing in {p.ProcessingCountry}"
        + (p.InZoneProcessor ? ", a processor of the zone" : "")
        + $"; may receive: {string.Join(", ", Wire(model.ClassesFor(p)))}"
        + (model.ClassesFor(p).Any(model.DataClasses.IsPersonal) ? "" : " (never personal data)")
        + (p.Basis is { } basis ? $"; transfer basis: {basis}" : "")
        + ".";

    private static MapContact Contact(Contact c) => new(c.Role, c.Name, c.Address, c.ContactPoint);

    private static string? Host(ZoneProcessing processing, SystemPart part) =>
        processing.Processors.FirstOrDefault(p => p.Hosts.Contains(part))?.Name;

    private static string[] Wire(IEnumerable<DataClass> classes) => classes.Select(c => c.ToWire()).ToArray();

    private static string Source(Origin origin) => $"policies/{Path.GetFileName(origin.File)}:{origin.Line}";
}
