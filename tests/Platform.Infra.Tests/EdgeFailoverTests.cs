using System.Collections.Immutable;
using Platform.Compliance;
using Platform.Infra.Plan;
using Pulumi;
using Pulumi.AzureNative.Web.Inputs;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Platform.Infra.Tests;

/// <summary>
/// A deployed edge reads, through a stack reference, the regional URL and signing key of every zone its requests may
/// fail over to, so sgp and fra really fail non-personal requests over to each other; cn's edge reads no other stack.
/// </summary>
public sealed class EdgeFailoverTests
{
    private static Dictionary<string, string> EdgeSettings(RecordingMocks mocks) =>
        ((ImmutableArray<object>)mocks.Single("azure-native:web:WebApp").Inputs.At("siteConfig", "appSettings")!)
            .Cast<ImmutableDictionary<string, object>>()
            .ToDictionary(s => s.Text("name"), s => s.Text("value"));

    [Theory]
    [InlineData("sgp", "fra")]
    [InlineData("fra", "sgp")]
    public async Task AbroadEdge_GetsThePeerZonesUrlAndSigningKey_FromThePeerStack(string stack, string peer)
    {
        var (_, mocks) = await StackRun.RunAsync(stack);

        var reference = mocks.Single("pulumi:pulumi:StackReference");
        reference.Id.ShouldBe($"{StackRun.Organization}/platform/{peer}");
        reference.Inputs.Text("name").ShouldBe($"{StackRun.Organization}/platform/{peer}");
        var settings = EdgeSettings(mocks);
        settings[$"Edge__Zones__{peer}__Url"].ShouldBe(RecordingMocks.RegionalUrl(peer));
        settings[$"Edge__Zones__{peer}__SigningKey"].ShouldBe(RecordingMocks.PeerSigningKey(peer));
        settings[$"Edge__Zones__{stack}__Url"].ShouldBe(RecordingMocks.RegionalUrl(stack));
    }

    [Fact]
    public async Task SgpEdge_BeforeFrasFirstDeployment_IsDeployedWithoutFailover()
    {
        var (_, mocks) = await StackRun.RunAsync("sgp", peersDeployed: false);

        var settings = EdgeSettings(mocks);
        settings.Keys.ShouldNotContain(k => k.StartsWith("Edge__Zones__fra__", StringComparison.Ordinal));
        settings["Edge__Zones__sgp__Url"].ShouldBe(RecordingMocks.RegionalUrl("sgp"));
        settings.ShouldContainKey("Edge__Zones__sgp__SigningKey");
    }

    [Fact]
    public async Task CnEdge_ReadsNoOtherStack_AndKnowsOnlyCn()
    {
        var (_, mocks) = await StackRun.RunAsync("cn");

        mocks.OfType("pulumi:pulumi:StackReference").ShouldBeEmpty();
        EdgeSettings(mocks).Keys.Where(k => k.StartsWith("Edge__Zones__", StringComparison.Ordinal))
            .ShouldAllBe(k => k.StartsWith("Edge__Zones__cn__", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stack_ExportsItsRegionalUrl_AndItsSigningKeyOnlyAsASecret()
    {
        var (resources, _) = await StackRun.RunAsync("fra");

        var stack = resources.OfType<PlatformStack>().Single();
        (await OutputUtilities.GetValueAsync(stack.RegionalUrl)).ShouldBe(RecordingMocks.RegionalUrl("fra"));
        (await Output.IsSecretAsync(stack.RegionalUrl)).ShouldBeFalse();
        (await OutputUtilities.GetValueAsync(stack.RegionalSigningKey)).ShouldBe(Convert.ToBase64String(new byte[32]));
        (await Output.IsSecretAsync(stack.RegionalSigningKey)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public async Task PeerSettings_AreSecret_AndPresentOnlyOnceThePeerHasBeenDeployed(bool peerDeployed, int settingCount)
    {
        var peer = DeploymentPlanner.Build(ComplianceModel.Embedded, StackConfig.Load(Path.Combine(StackRun.RepositoryRoot, "Pulumi.sgp.yaml")))
            .PlanOrThrow().EdgeFunctionApp.FailoverPeers.ShouldHaveSingleItem();
        var name = peer.StackReferenceName(StackRun.Organization, "platform");
        Output<ImmutableArray<NameValuePairArgs>>? settings = null;

        await Deployment.TestAsync(new RecordingMocks("aws", "ap-southeast-1", "111111111111", peerDeployed), new TestOptions { IsPreview = false }, () =>
        {
            var reference = new StackReference("peer", new StackReferenceArgs { Name = name });
            settings = FailoverPeerSettings.From(reference, name, peer, reference);
            return new Dictionary<string, object?>();
        });

        settings.ShouldNotBeNull();
        (await OutputUtilities.GetValueAsync(settings)).Length.ShouldBe(settingCount);
        (await Output.IsSecretAsync(settings)).ShouldBeTrue();
    }
}
