using Platform.Compliance;

namespace Platform.Audit.Tests.Dataflow;

public sealed class DataflowMapDriftTests
{
    private static readonly string Committed = Path.Combine(RepoCopy.RepositoryRoot, "policies", "dataflow");

    [Fact]
    public void CommittedMaps_AreWhatThePoliciesGenerate()
    {
        var model = ComplianceModel.Load(Path.Combine(RepoCopy.RepositoryRoot, "policies"));
        var (plans, errors) = StackPlans.Build(model, RepoCopy.RepositoryRoot);
        errors.ShouldBeEmpty();
        var generated = DataflowGenerator.Generate(model, plans);

        foreach (var (file, content) in generated)
        {
            var path = Path.Combine(Committed, file);
            File.Exists(path).ShouldBeTrue($"policies/dataflow/{file} is missing. Run `{DataflowGenerator.RegenerateCommand}` and commit the result.");
            File.ReadAllText(path).ShouldBe(content, $"policies/dataflow/{file} differs from what the policies generate. Run `{DataflowGenerator.RegenerateCommand}` and commit the result.");
        }

        var extra = Directory.GetFiles(Committed).Select(Path.GetFileName).Except(generated.Select(g => g.File)).ToArray();
        extra.ShouldBeEmpty($"policies/dataflow holds files the policies no longer generate. Run `{DataflowGenerator.RegenerateCommand}` (it removes them) and commit the result.");
    }

    [Fact]
    public void Generation_IsDeterministic()
    {
        var model = ComplianceModel.Load(Path.Combine(RepoCopy.RepositoryRoot, "policies"));

        var plans = StackPlans.Build(model, RepoCopy.RepositoryRoot).Plans;

        DataflowGenerator.Generate(model, plans).ShouldBe(DataflowGenerator.Generate(model, plans));
    }

    [Fact]
    public void ChangedPolicy_ChangesTheMap_AndWriteReportsIt()
    {
        using var copy = new RepoCopy().Replace("policies/zones.yaml", "decision_log_days: 180", "decision_log_days: 200");
        var output = Path.Combine(copy.Root, "dataflow");
        DataflowGenerator.Write(ComplianceModel.Load(Path.Combine(RepoCopy.RepositoryRoot, "policies")), new Dictionary<string, Platform.Infra.Plan.DeploymentPlan>(), output);

        var changed = DataflowGenerator.Write(ComplianceModel.Load(copy.Policies), new Dictionary<string, Platform.Infra.Plan.DeploymentPlan>(), output);

        changed.ShouldBe(["cn.md", "cn.json"]);
        File.ReadAllText(Path.Combine(output, "cn.md")).ShouldContain("Decision log (200 days, metadata only)");
    }
}
