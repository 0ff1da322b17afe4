using System.Collections.Immutable;
using System.Text.Json;
using Platform.Compliance;

namespace Platform.Infra.Tests;

/// <summary>What `pulumi up` would create for each jurisdiction, checked under Pulumi's mocks.</summary>
public sealed class PlatformStackTests
{
    [Theory]
    [InlineData("sgp")]
    [InlineData("fra")]
    [InlineData("cn")]
    public async Task TraceBucket_HasNoReplication_AndExpiresWithinRetention(string stack)
    {
        var (_, mocks) = await StackRun.RunAsync(stack);

        mocks.Resources.ShouldNotContain(r => r.Type!.Contains("Replication", StringComparison.OrdinalIgnoreCase));
        mocks.Resources.ShouldNotContain(r => r.Type!.Contains("ObjectLock", StringComparison.OrdinalIgnoreCase));
        var bucket = mocks.Single("aws:s3/bucket:Bucket").Inputs;
        bucket.At("objectLockEnabled").ShouldBe(false);
        var rule = mocks.Single("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").Inputs;
        rule.Text("rules", 0, "status").ShouldBe("Enabled");
        rule.Text("rules", 0, "filter", "prefix").ShouldBe($"traces/{stack}/");
        // S3 rounds up to the next midnight UTC: a rule one day under the retention deletes within it.
        rule.Number("rules", 0, "expiration", "days").ShouldBe(ComplianceModel.Embedded.Zone(stack).Retention.TraceDays - 1);
        rule.Number("rules", 0, "expiration", "days").ShouldBeLessThan(Retention.MaxTraceDays);
        rule.Text("rules", 1, "filter", "prefix").ShouldBe($"decisions/{stack}/");
        rule.Number("rules", 1, "expiration", "days").ShouldBe(ComplianceModel.Embedded.Zone(stack).Retention.DecisionLogDays - 1);
        rule.Text("rules", 2, "filter", "prefix").ShouldBe("");
        rule.Number("rules", 2, "noncurrentVersionExpiration", "noncurrentDays").ShouldBe(1);
        rule.Number("rules", 2, "abortIncompleteMultipartUpload", "daysAfterInitiation").ShouldBe(1);
    }

    [Fact]
    public async Task TraceBucket_IsPrivate_OwnerEnforced_TlsOnly_AndEncryptedWithTheZoneKey()
    {
        var (_, mocks) = await StackRun.RunAsync("sgp");

        var block = mocks.Single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").Inputs;
        new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }.ShouldAllBe(k => (bool)block[k]);
        mocks.Single("aws:s3/bucketOwnershipControls:BucketOwnershipControls").Inputs.Text("rule", "objectOwnership").ShouldBe("BucketOwnerEnforced");
        var sse = mocks.Single("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").Inputs;
        sse.Text("rules", 0, "applyServerSideEncryptionByDefault", "sseAlgorithm").ShouldBe("aws:kms");
        sse.Text("rules", 0, "applyServerSideEncryptionByDefault", "kmsMasterKeyId").ShouldStartWith("arn:aws:kms:ap-southeast-1:");
        using var policy = JsonDocument.Parse(mocks.Single("aws:s3/bucketPolicy:BucketPolicy").Inputs.Text("policy"));
        policy.RootElement.GetProperty("Statement")[0].GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString().ShouldBe("false");
    }

    [Fact]
    public async Task CnStack_UsesAwsCnArns()
    {
        var (_, mocks) = await StackRun.RunAsync("cn");

        var arns = mocks.Resources.Where(r => r.Type!.StartsWith("aws:", StringComparison.Ordinal))
            .SelectMany(r => Inputs.Strings(r.Inputs)).Where(s => s.StartsWith("arn:", StringComparison.Ordinal)).ToArray();
        arns.ShouldNotBeEmpty();
        arns.ShouldAllBe(arn => arn.StartsWith("arn:aws-cn:", StringComparison.Ordinal));
        Inputs.Strings(mocks.Single("aws:lambda/function:Function").Inputs.At("layers")).ShouldBe(
            ["arn:aws-cn:lambda:cn-northwest-1:069767869989:layer:LambdaAdapterLayerX86:26"]);
    }

    [Fact]
    public async Task CnStack_PinsEveryProviderToTheMainland()
    {
        var (_, mocks) = await StackRun.RunAsync("cn");

        mocks.Single("pulumi:providers:aws").Inputs.Text("region").ShouldBe("cn-northwest-1");
        mocks.Single("pulumi:providers:azure-native").Inputs.Text("environment").ShouldBe("china");
        mocks.Single("azure-native:web:WebApp").Inputs.Text("location").ShouldBe("chinanorth3");
        mocks.OfType("azure-native:storage:StorageAccount").ShouldAllBe(a => (string)a.Inputs["location"] == "chinanorth3");
    }

    [Fact]
    public async Task CnStack_RunsAscendPoolsOnly()
    {
        var (_, mocks) = await StackRun.RunAsync("cn");

        var deployments = mocks.OfType("kubernetes:apps/v1:Deployment").ToArray();
        deployments.Length.ShouldBe(ComplianceModel.Embedded.PoolsIn("cn").Count);
        foreach (var d in deployments)
        {
            var container = d.Inputs.At("spec", "template", "spec", "containers", 0) as ImmutableDictionary<string, object>;
            container.ShouldNotBeNull();
            container.Text("image").ShouldStartWith("quay.io/ascend/vllm-ascend:");
            (container.At("resources", "limits") as ImmutableDictionary<string, object>)!.Keys.ShouldBe(["huawei.com/Ascend910"]);
            d.Inputs.Text("spec", "template", "spec", "nodeSelector", "platform.io/accelerator").ShouldBe("ascend-910b");
        }
    }

    [Theory]
    [InlineData("sgp")]
    [InlineData("fra")]
    public async Task AbroadStacks_RunNvidiaPoolsOnly(string stack)
    {
        var (_, mocks) = await StackRun.RunAsync(stack);

        foreach (var d in mocks.OfType("kubernetes:apps/v1:Deployment"))
        {
            d.Inputs.Text("spec", "template", "spec", "containers", 0, "image").ShouldStartWith("vllm/vllm-openai:");
            d.Inputs.At("spec", "template", "spec", "containers", 0, "resources", "limits", "nvidia.com/gpu").ShouldNotBeNull();
            d.Inputs.Text("spec", "template", "spec", "containers", 0, "readinessProbe", "httpGet", "path").ShouldBe("/health");
            d.Inputs.Text("spec", "template", "spec", "containers", 0, "livenessProbe", "httpGet", "path").ShouldBe("/health");
        }
    }

    [Fact]
    public async Task RegionalFunction_StreamsThroughTheWebAdapter_AndKnowsEveryPool()
    {
        var (_, mocks) = await StackRun.RunAsync("fra");

        mocks.Single("aws:lambda/functionUrl:FunctionUrl").Inputs.Text("invokeMode").ShouldBe("RESPONSE_STREAM");
        var function = mocks.Single("aws:lambda/function:Function").Inputs;
        function.Text("handler").ShouldBe("run.sh");
        function.Text("environment", "variables", "AWS_LAMBDA_EXEC_WRAPPER").ShouldBe("/opt/bootstrap");
        function.Text("environment", "variables", "AWS_LWA_INVOKE_MODE").ShouldBe("response_stream");
        foreach (var pool in ComplianceModel.Embedded.PoolsIn("fra"))
        {
            function.Text("environment", "variables", $"Regional__Pools__{pool.Id}__Endpoint").ShouldBe($"http://{pool.Id}.internal:8000");
        }
    }

    [Fact]
    public async Task RegionalRole_WritesOnlyItsOwnTracePrefix_AndUsesOnlyItsZoneKey()
    {
        var (_, mocks) = await StackRun.RunAsync("sgp");

        using var policy = JsonDocument.Parse(mocks.Single("aws:iam/rolePolicy:RolePolicy").Inputs.Text("policy"));
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        statements["WriteOwnTraces"].GetProperty("Resource").GetString().ShouldBe("arn:aws:s3:::platform-traces-sgp-111111111111/traces/sgp/*");
        statements["UseOwnZoneKey"].GetProperty("Resource").GetString().ShouldBe("arn:aws:kms:ap-southeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    [Fact]
    public async Task EdgeDecisionWriter_MayOnlyPutItsZonesDecisionRecords_AndTheEdgeGetsItsKeyAsASecret()
    {
        var (_, mocks) = await StackRun.RunAsync("cn");

        mocks.OfType("platform:aws:EdgeDecisionWriter").Count().ShouldBe(1);
        mocks.Single("aws:iam/user:User").Inputs.Text("name").ShouldBe("platform-edge-decisions-cn");
        using var policy = JsonDocument.Parse(mocks.Single("aws:iam/userPolicy:UserPolicy").Inputs.Text("policy"));
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        statements["PutOwnZoneDecisions"].GetProperty("Resource").GetString().ShouldBe("arn:aws-cn:s3:::platform-traces-cn-333333333333/decisions/cn/*");
        mocks.Single("aws:iam/accessKey:AccessKey").ShouldNotBeNull();
        var settings = ((ImmutableArray<object>)mocks.Single("azure-native:web:WebApp").Inputs.At("siteConfig", "appSettings")!).Cast<ImmutableDictionary<string, object>>()
            .ToDictionary(s => s.Text("name"), s => s.Text("value"));
        settings["Platform__Decisions__Store"].ShouldBe("s3");
        settings["Regional__Traces__S3__Bucket"].ShouldBe("platform-traces-cn-333333333333");
        settings.ShouldContainKey("Regional__Traces__S3__AccessKey");
        settings.ShouldContainKey("Regional__Traces__S3__SecretKey");
    }

    [Fact]
    public async Task GpuPools_DenyEgress_ExceptDnsAndTheNamespace()
    {
        var (_, mocks) = await StackRun.RunAsync("sgp");

        var policies = mocks.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").ToDictionary(p => p.Inputs.Text("metadata", "name"));
        policies.Keys.ShouldBe(["default-deny-all", "gpu-pools-egress", "gpu-pools-ingress"], ignoreOrder: true);
        Inputs.Strings(policies["default-deny-all"].Inputs.At("spec", "policyTypes")).ShouldBe(["Ingress", "Egress"]);
        policies["gpu-pools-egress"].Inputs.Number("spec", "egress", 0, "ports", 0, "port").ShouldBe(53);
        policies["gpu-pools-ingress"].Inputs.Text("spec", "ingress", 0, "from", 0, "ipBlock", "cidr").ShouldBe("10.10.0.0/20");
    }

    [Fact]
    public async Task Edge_RunsAsAFunctionApp_InTheZonesAzureRegion_FromItsPackage()
    {
        var (_, mocks) = await StackRun.RunAsync("fra");

        var app = mocks.Single("azure-native:web:WebApp").Inputs;
        app.Text("location").ShouldBe("germanywestcentral");
        app.Text("kind").ShouldBe("functionapp,linux");
        var settings = ((ImmutableArray<object>)app.At("siteConfig", "appSettings")!).Cast<ImmutableDictionary<string, object>>()
            .ToDictionary(s => s.Text("name"), s => s.Text("value"));
        settings["FUNCTIONS_WORKER_RUNTIME"].ShouldBe("custom");
        settings["Edge__Zones__fra__Url"].ShouldBe("https://mock.lambda-url.eu-central-1.on.aws/");
        settings["WEBSITE_RUN_FROM_PACKAGE"].ShouldEndWith("/packages/edge-fra.zip");
        mocks.Single("azure-native:storage:Blob").Inputs.Text("blobName").ShouldBe("edge-fra.zip");
    }

    [Fact]
    public async Task ComponentResources_GroupTheReusableParts()
    {
        var (_, mocks) = await StackRun.RunAsync("sgp");

        mocks.OfType("platform:aws:TraceBucket").Count().ShouldBe(1);
        mocks.OfType("platform:aws:RegionalFunction").Count().ShouldBe(1);
        mocks.OfType("platform:azure:EdgeFunctionApp").Count().ShouldBe(1);
        mocks.OfType("platform:kubernetes:GpuPool").Count().ShouldBe(ComplianceModel.Embedded.PoolsIn("sgp").Count);
    }
}
