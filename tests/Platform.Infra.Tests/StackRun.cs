using System.Collections.Immutable;
using System.Text.Json;
using Platform.Compliance;
using Pulumi;
using Pulumi.Testing;

namespace Platform.Infra.Tests;

/// <summary>
/// Runs <see cref="PlatformStack"/> under mocks for one of the repository's stack files, in a scratch project root
/// holding a copy of that file and stand-ins for the published apps the program packages. The stacks belong to
/// <see cref="Organization"/>; peer stacks are deployed unless <paramref name="peersDeployed"/> is false.
/// </summary>
internal static class StackRun
{
    public const string Organization = "acme";

    public static async Task<(ImmutableArray<Resource> Resources, RecordingMocks Mocks)> RunAsync(string stack, bool peersDeployed = true)
    {
        var zone = ComplianceModel.Embedded.Zone(stack);
        var root = Path.Combine(Path.GetTempPath(), "pulumi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "artifacts", "regional"));
        Directory.CreateDirectory(Path.Combine(root, "artifacts", "edge"));
        File.WriteAllText(Path.Combine(root, "artifacts", "regional", "Platform.Regional.dll"), "stand-in");
        File.WriteAllText(Path.Combine(root, "artifacts", "edge", "Platform.Edge"), "stand-in");
        File.Copy(Path.Combine(RepositoryRoot, $"Pulumi.{stack}.yaml"), Path.Combine(root, $"Pulumi.{stack}.yaml"));

        // The secrets Pulumi would decrypt from the stack file; the engine hands config to the program this way.
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["platform:kubeconfig"] = "apiVersion: v1\nkind: Config\n",
            ["platform:signingKey"] = Convert.ToBase64String(new byte[32]),
        }));

        var account = StackConfigAccount(stack);
        var mocks = new RecordingMocks(zone.Aws.Partition, zone.Aws.Region, account, peersDeployed);
        try
        {
            var resources = await Deployment.TestAsync<PlatformStack>(mocks, new TestOptions { StackName = stack, ProjectName = "platform", OrganizationName = Organization, RootDirectory = root, IsPreview = false });
            return (resources, mocks);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    private static string StackConfigAccount(string stack) =>
        Platform.Infra.Plan.StackConfig.Load(Path.Combine(RepositoryRoot, $"Pulumi.{stack}.yaml"))[Platform.Infra.Plan.StackConfigKeys.AwsAccountId]!.Scalar!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
