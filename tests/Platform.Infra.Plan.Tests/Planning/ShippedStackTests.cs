using System.Text.Json;
using Platform.Traces.S3;

namespace Platform.Infra.Plan.Tests.Planning;

/// <summary>The three stack files in the repository build plans that keep every resource and byte in their zone.</summary>
public sealed class ShippedStackTests
{
    public static TheoryData<string> Stacks => ["sgp", "fra", "cn"];

    /// <summary>The plan of a shipped stack file, which must build without errors.</summary>
    internal static DeploymentPlan Plan(string stack)
    {
        var result = StackFile.Build(StackFile.RepositoryFile(stack));
        result.Errors.ShouldBeEmpty();
        return result.Plan.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void ShippedStack_BuildsAPlan_InItsZonesRegionAndPartition(string stack)
    {
        var plan = Plan(stack);
        var zone = ComplianceModel.Embedded.Zone(stack);

        plan.Zone.ShouldBe(stack);
        plan.Aws.ShouldBe(new AwsTarget(zone.Aws.Partition, zone.Aws.Region, plan.Aws.AccountId));
        plan.TraceBucket.Region.ShouldBe(zone.Aws.Region);
        plan.RegionalFunction.Region.ShouldBe(zone.Aws.Region);
        plan.Azure.Location.ShouldBe(zone.Azure.Region);
        plan.Arns.ShouldAllBe(arn => arn.StartsWith($"arn:{zone.Aws.Partition}:"));
    }

    [Fact]
    public void CnStack_IsAwsCn_WithAwsCnArns_AndTheChinaCloud()
    {
        var plan = Plan("cn");

        plan.Aws.Partition.ShouldBe("aws-cn");
        plan.Aws.Region.ShouldBeOneOf("cn-north-1", "cn-northwest-1");
        plan.Aws.AccountArnPrefix.ShouldBe("arn:aws-cn:");
        plan.TraceBucket.Arn.ShouldBe("arn:aws-cn:s3:::platform-traces-cn-333333333333");
        plan.RegionalFunction.Arn.ShouldBe("arn:aws-cn:lambda:cn-northwest-1:333333333333:function:platform-regional-cn");
        plan.RegionalFunction.LayerArns.ShouldBe(["arn:aws-cn:lambda:cn-northwest-1:069767869989:layer:LambdaAdapterLayerX86:26"]);
        plan.Azure.Environment.ShouldBe("china");
    }

    [Fact]
    public void CnStack_RunsAscendPoolsOnly()
    {
        var plan = Plan("cn");

        plan.PoolDeployments.Select(p => p.PoolId).ShouldBe(ComplianceModel.Embedded.PoolsIn("cn").Select(p => p.Id));
        plan.PoolDeployments.ShouldAllBe(p => p.Accelerator == "ascend-910b" && p.AcceleratorResource == "huawei.com/Ascend910" && p.Image.StartsWith("quay.io/ascend/vllm-ascend:"));
    }

    [Theory]
    [InlineData("sgp")]
    [InlineData("fra")]
    public void AbroadStacks_RunNvidiaPoolsOnly_WithThePublishedAdapterLayer(string stack)
    {
        var plan = Plan(stack);

        plan.PoolDeployments.ShouldNotBeEmpty();
        plan.PoolDeployments.ShouldAllBe(p => p.AcceleratorVendor == "nvidia" && p.AcceleratorResource == "nvidia.com/gpu" && p.Image.StartsWith("vllm/vllm-openai:"));
        plan.RegionalFunction.LayerArns.ShouldBe([$"arn:aws:lambda:{plan.Aws.Region}:753240598075:layer:LambdaAdapterLayerX86:26"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void TraceBucket_ExpiresWithinRetention_AndHasNoReplicationPublicAccessOrObjectLock(string stack)
    {
        var bucket = Plan(stack).TraceBucket;

        bucket.ExpirationDays.ShouldBe(ComplianceModel.Embedded.Zone(stack).Retention.TraceDays);
        bucket.ExpirationDays.ShouldBeLessThanOrEqualTo(Retention.MaxTraceDays);
        // The rule the regional function's start-up check asks for, one day under the retention for S3's rounding to midnight.
        bucket.TraceRule.ShouldBe(LifecycleRuleSpec.Traces(stack, ComplianceModel.Embedded.Zone(stack).Retention.TraceDays));
        bucket.TraceRule.Prefix.ShouldBe($"traces/{stack}/");
        bucket.TraceRule.ExpirationDays.ShouldBe(bucket.ExpirationDays - 1);
        bucket.DecisionRule.ShouldBe(LifecycleRuleSpec.Decisions(stack, ComplianceModel.Embedded.Zone(stack).Retention.DecisionLogDays));
        bucket.DecisionRule.Prefix.ShouldBe($"decisions/{stack}/");
        bucket.NoncurrentVersionExpirationDays.ShouldBe(1);
        bucket.AbortIncompleteMultipartUploadDays.ShouldBe(1);
        bucket.Replication.ShouldBeFalse();
        bucket.ObjectLock.ShouldBeFalse();
        bucket.BlockPublicAccess.ShouldBeTrue();
        bucket.ObjectOwnership.ShouldBe("BucketOwnerEnforced");
        bucket.TracePrefix.ShouldBe($"traces/{stack}/");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void TraceBucketPolicy_DeniesEveryRequestNotMadeOverTls(string stack)
    {
        var bucket = Plan(stack).TraceBucket;
        using var policy = JsonDocument.Parse(bucket.PolicyJson);

        var statement = policy.RootElement.GetProperty("Statement").EnumerateArray().ShouldHaveSingleItem();
        statement.GetProperty("Effect").GetString().ShouldBe("Deny");
        statement.GetProperty("Principal").GetString().ShouldBe("*");
        statement.GetProperty("Action").GetString().ShouldBe("s3:*");
        statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).ShouldBe([bucket.Arn, bucket.Arn + "/*"]);
        statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString().ShouldBe("false");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void RegionalRole_MayWriteOnlyItsOwnTracePrefix_AndUseOnlyItsZoneKey(string stack)
    {
        var plan = Plan(stack);
        var keyArn = $"arn:{plan.Aws.Partition}:kms:{plan.Aws.Region}:{plan.Aws.AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        using var policy = JsonDocument.Parse(IamPolicies.RegionalFunctionRole(plan.TraceBucket, plan.RegionalFunction, keyArn));

        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        statements.Keys.ShouldBe(["WriteOwnTraces", "CheckOwnBucketLifecycle", "ListOwnTraces", "WriteOwnDecisions", "ListOwnDecisions", "UseOwnZoneKey", "WriteOwnLogs", "AttachToZoneVpc"]);
        statements["WriteOwnDecisions"].GetProperty("Resource").GetString().ShouldBe($"{plan.TraceBucket.Arn}/decisions/{stack}/*");
        statements["ListOwnDecisions"].GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix").GetString().ShouldBe($"decisions/{stack}/*");
        statements["CheckOwnBucketLifecycle"].GetProperty("Resource").GetString().ShouldBe(plan.TraceBucket.Arn);
        statements["WriteOwnTraces"].GetProperty("Resource").GetString().ShouldBe($"{plan.TraceBucket.Arn}/traces/{stack}/*");
        statements["ListOwnTraces"].GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix").GetString().ShouldBe($"traces/{stack}/*");
        statements["UseOwnZoneKey"].GetProperty("Resource").GetString().ShouldBe(keyArn);
        statements["WriteOwnLogs"].GetProperty("Resource").GetString().ShouldBe($"{plan.RegionalFunction.LogGroupArn}:*");
        // Every data action is scoped; only network-interface actions (which take no resource) use "*".
        statements.Values.Where(s => s.GetProperty("Resource").ValueKind == JsonValueKind.String && s.GetProperty("Resource").GetString() == "*")
            .Select(s => s.GetProperty("Sid").GetString()).ShouldBe(["AttachToZoneVpc"]);
        policy.RootElement.GetRawText().ShouldNotContain("s3:*");
        policy.RootElement.GetRawText().ShouldNotContain("kms:*");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EdgeDecisionWriter_MayOnlyPutItsZonesDecisionRecords_AndReadTheBucketsLifecycle(string stack)
    {
        var plan = Plan(stack);
        var writer = EdgeDecisionWriterPlan.For(plan);
        var keyArn = $"arn:{plan.Aws.Partition}:kms:{plan.Aws.Region}:{plan.Aws.AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        using var policy = JsonDocument.Parse(IamPolicies.EdgeDecisionWriter(plan.TraceBucket, keyArn));

        writer.UserArn.ShouldBe($"arn:{plan.Aws.Partition}:iam::{plan.Aws.AccountId}:user/platform-edge-decisions-{stack}");
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        statements.Keys.ShouldBe(["PutOwnZoneDecisions", "CheckOwnBucketLifecycle", "EncryptWithOwnZoneKey"]);
        statements["PutOwnZoneDecisions"].GetProperty("Action").EnumerateArray().Select(a => a.GetString()).ShouldBe(["s3:PutObject", "s3:PutObjectTagging"]);
        statements["PutOwnZoneDecisions"].GetProperty("Resource").GetString().ShouldBe($"{plan.TraceBucket.Arn}/decisions/{stack}/*");
        statements["CheckOwnBucketLifecycle"].GetProperty("Resource").GetString().ShouldBe(plan.TraceBucket.Arn);
        statements["EncryptWithOwnZoneKey"].GetProperty("Action").GetString().ShouldBe("kms:GenerateDataKey");
        statements["EncryptWithOwnZoneKey"].GetProperty("Resource").GetString().ShouldBe(keyArn);
        foreach (var never in new[] { "s3:GetObject", "s3:ListBucket", "s3:DeleteObject", "traces/", "kms:Decrypt", "\"*\"" })
        {
            policy.RootElement.GetRawText().ShouldNotContain(never);
        }

        writer.AppSettings.ShouldBe(new Dictionary<string, string>
        {
            ["Platform__Decisions__Store"] = "s3",
            ["Regional__Traces__S3__Bucket"] = plan.TraceBucket.Name,
            ["Regional__Traces__S3__Region"] = plan.Aws.Region,
        }, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void RegionalFunction_StreamsThroughTheWebAdapter(string stack)
    {
        var function = Plan(stack).RegionalFunction;

        function.InvokeMode.ShouldBe("RESPONSE_STREAM");
        function.Handler.ShouldBe("run.sh");
        function.Environment["AWS_LAMBDA_EXEC_WRAPPER"].ShouldBe("/opt/bootstrap");
        function.Environment["AWS_LWA_INVOKE_MODE"].ShouldBe("response_stream");
        function.Environment["AWS_LWA_PORT"].ShouldBe("8080");
        function.Environment["PORT"].ShouldBe("8080");
        function.Environment["AWS_LWA_READINESS_CHECK_PATH"].ShouldBe("/healthz");
        function.Environment["Regional__Zone"].ShouldBe(stack);
        function.Environment["Regional__Traces__S3__Bucket"].ShouldBe(Plan(stack).TraceBucket.Name);
        function.Environment["Platform__Decisions__Store"].ShouldBe("s3");
        function.LogRetentionDays.ShouldBeLessThanOrEqualTo(Retention.MaxTraceDays);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void NetworkPolicies_DenyPoolEgress_ExceptDnsAndTheNamespace(string stack)
    {
        var plan = Plan(stack);
        var policies = plan.NetworkPolicies.ToDictionary(p => p.Name);

        policies["default-deny-all"].PodSelector.ShouldBeEmpty();
        policies["default-deny-all"].PolicyTypes.ShouldBe(["Ingress", "Egress"]);
        policies["default-deny-all"].Ingress.ShouldBeEmpty();
        policies["default-deny-all"].Egress.ShouldBeEmpty();

        var egress = policies["gpu-pools-egress"].Egress;
        egress.Count.ShouldBe(2);
        egress[0].Peers.ShouldHaveSingleItem().NamespaceSelector!["kubernetes.io/metadata.name"].ShouldBe("kube-system");
        egress[0].Ports.ShouldBe([new NetworkPortPlan("UDP", 53), new NetworkPortPlan("TCP", 53)]);
        var sameNamespace = egress[1].Peers.ShouldHaveSingleItem();
        sameNamespace.NamespaceSelector.ShouldBeNull();
        sameNamespace.PodSelector.ShouldNotBeNull().ShouldBeEmpty();
        sameNamespace.IpBlockCidr.ShouldBeNull();
        plan.NetworkPolicies.SelectMany(p => p.Egress).SelectMany(r => r.Peers).ShouldAllBe(p => p.IpBlockCidr == null);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void NetworkPolicies_AdmitPoolIngress_OnlyFromTheRegionalFunctionsSubnets(string stack)
    {
        var plan = Plan(stack);
        var ingress = plan.NetworkPolicies.Single(p => p.Name == "gpu-pools-ingress").Ingress;

        ingress[0].Peers.Select(p => p.IpBlockCidr).ShouldBe(StackConfig.Load(StackFile.RepositoryFile(stack))[StackConfigKeys.RegionalIngressCidrs]!.List!);
        ingress[0].Ports.ShouldBe([new NetworkPortPlan("TCP", 8000)]);
        plan.PoolDeployments.ShouldAllBe(p => p.ServiceSourceRanges.SequenceEqual(ingress[0].Peers.Select(x => x.IpBlockCidr!)));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void PoolDeployments_ServeTheirModel_OnTheirAccelerator_WithHealthProbes(string stack)
    {
        foreach (var (deployment, pool) in Plan(stack).PoolDeployments.Zip(ComplianceModel.Embedded.PoolsIn(stack)))
        {
            deployment.Args[0].ShouldBe(pool.Model.Source);
            deployment.Args.ShouldContain(pool.Model.Id);
            deployment.ServedModelName.ShouldBe(pool.Model.Id);
            deployment.Replicas.ShouldBe(pool.Replicas);
            deployment.AcceleratorsPerReplica.ShouldBe(pool.AcceleratorsPerReplica);
            deployment.NodeSelector["platform.io/accelerator"].ShouldBe(pool.Accelerator.Id);
            deployment.Tolerations.ShouldBe([new TolerationPlan(pool.Accelerator.Resource, "Exists", "NoSchedule")]);
            deployment.Readiness.Path.ShouldBe("/health");
            deployment.Liveness.Path.ShouldBe("/health");
            if (pool.Model.ReasoningParser is { } parser)
            {
                string.Join(' ', deployment.Args).ShouldContain($"--reasoning-parser {parser}");
            }
            else
            {
                deployment.Args.ShouldNotContain("--reasoning-parser");
            }
        }
    }

    [Fact]
    public void EveryResource_CarriesTheZoneTag()
    {
        var plan = Plan("fra");

        plan.TraceBucket.Tags["platform-zone"].ShouldBe("fra");
        plan.RegionalFunction.Tags["platform-zone"].ShouldBe("fra");
        plan.EdgeFunctionApp.Tags["platform-zone"].ShouldBe("fra");
        plan.Tags["cost-centre"].ShouldBe("platform-fra");
    }
}
