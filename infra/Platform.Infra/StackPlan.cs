using Platform.Compliance;
using Platform.Infra.Plan;
using Pulumi;

namespace Platform.Infra;

/// <summary>Reads the running stack's file once and builds its plan, or stops the update listing every problem.</summary>
internal static class StackPlan
{
    public static DeploymentPlan Load()
    {
        var root = Deployment.Instance.RootDirectory;
        var file = Path.Combine(root, $"Pulumi.{Deployment.Instance.StackName}.yaml");
        return DeploymentPlanner.Build(ComplianceModel.Embedded, StackConfig.Load(file)).PlanOrThrow();
    }

    /// <summary>A path from the stack file (relative to the project root, where Pulumi.yaml is) as an absolute path.</summary>
    public static string FromRoot(string path) => Path.GetFullPath(Path.Combine(Deployment.Instance.RootDirectory, path));
}
