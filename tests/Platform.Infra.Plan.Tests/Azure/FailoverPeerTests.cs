namespace Platform.Infra.Plan.Tests.Azure;

/// <summary>
/// Each stack's edge is told which other zones it may fail non-personal requests over to, as the compliance model
/// says, and which stacks and app settings carry their endpoints; an isolated zone's edge learns of no other zone.
/// </summary>
public sealed class FailoverPeerTests
{
    private static EdgeFunctionAppPlan Edge(string stack) =>
        StackFile.Build(StackFile.RepositoryFile(stack)).PlanOrThrow().EdgeFunctionApp;

    [Theory]
    [InlineData("sgp", "fra")]
    [InlineData("fra", "sgp")]
    public void AbroadEdge_LearnsTheOtherAbroadZone_FromItsStack(string stack, string peerZone)
    {
        var peer = Edge(stack).FailoverPeers.ShouldHaveSingleItem();

        peer.ShouldBe(new FailoverPeerPlan(peerZone, null, peerZone, $"Edge__Zones__{peerZone}__Url", $"Edge__Zones__{peerZone}__SigningKey"));
        peer.StackReferenceName("organization", "platform").ShouldBe($"organization/platform/{peerZone}");
        ComplianceModel.Embedded.MayServe(stack, DataClass.None, peerZone).ShouldBeTrue();
        ComplianceModel.Embedded.MayServe(stack, DataClass.Direct, peerZone).ShouldBeFalse();
    }

    [Fact]
    public void CnEdge_HasNoFailoverPeers_AndKnowsOnlyItsOwnZone()
    {
        var edge = Edge("cn");

        edge.FailoverPeers.ShouldBeEmpty();
        edge.AppSettings.Keys.Concat([edge.RegionalUrlSetting, edge.RegionalSigningKeySetting])
            .Where(k => k.StartsWith("Edge__Zones__", StringComparison.Ordinal))
            .ShouldAllBe(k => k.StartsWith("Edge__Zones__cn__", StringComparison.Ordinal));
    }

    [Fact]
    public void FailoverPeers_ComeFromThePolicies_NotFromTheStack()
    {
        using var policies = new PolicyCopy();
        policies.RemoveFailoverOf("sgp");

        var plan = DeploymentPlanner.Build(ComplianceModel.Load(policies.Directory), StackConfig.Load(StackFile.RepositoryFile("sgp"))).PlanOrThrow();

        plan.EdgeFunctionApp.FailoverPeers.ShouldBeEmpty();
    }

    [Fact]
    public void StackOrganization_NamesTheOrganizationOfThePeerStacks()
    {
        using var stack = new StackFile("sgp").Append("  platform:stackOrganization: acme-platform\n");

        var peer = stack.Build().PlanOrThrow().EdgeFunctionApp.FailoverPeers.ShouldHaveSingleItem();

        peer.Organization.ShouldBe("acme-platform");
        peer.StackReferenceName("someone-else", "platform").ShouldBe("acme-platform/platform/fra");
    }

    [Fact]
    public void StackOrganizationThatIsAPath_IsRefused()
    {
        using var stack = new StackFile("fra").Append("  platform:stackOrganization: acme/platform\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("stackOrganization")}: platform:stackOrganization: 'acme/platform' is not a Pulumi organization name. "
            + "Fix: Set platform:stackOrganization to the organization (or user) that owns the peer zones' stacks, like acme (letters, digits, '-', '_' and '.' only), or remove it to use the deploying stack's organization.");
    }

    /// <summary>A scratch copy of the repository's policy files that a test may edit.</summary>
    private sealed class PolicyCopy : IDisposable
    {
        public PolicyCopy()
        {
            Directory = Path.Combine(Path.GetTempPath(), "policies-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            foreach (var file in System.IO.Directory.GetFiles(Path.Combine(StackFile.RepositoryRoot, "policies"), "*.yaml"))
            {
                File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
            }
        }

        public string Directory { get; }

        /// <summary>Replaces a zone's failover rules in flows.yaml with none.</summary>
        public void RemoveFailoverOf(string zone)
        {
            var path = Path.Combine(Directory, "flows.yaml");
            var lines = File.ReadAllLines(path).ToList();
            var start = lines.IndexOf($"  {zone}:") + 1;
            start.ShouldBeGreaterThan(0, "the test's edit must apply to the current flows.yaml");
            var end = lines.FindIndex(start, l => l.Length > 2 && l[2] != ' ');
            lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
            lines.Insert(start, "    failover: []");
            File.WriteAllLines(path, lines);
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
