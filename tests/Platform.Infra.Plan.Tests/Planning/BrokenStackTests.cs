namespace Platform.Infra.Plan.Tests.Planning;

/// <summary>Broken copies of the stack files are refused before anything is created, naming file, line, key and fix.</summary>
public sealed class BrokenStackTests
{
    private static string ZoneOrigin(string zone) => ComplianceModel.Embedded.Zone(zone).Origin.ToString();

    [Fact]
    public void TraceRetentionOf45Days_IsRefused()
    {
        using var stack = new StackFile("sgp").Append("  platform:traceRetentionDays: 45\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("traceRetentionDays")}: platform:traceRetentionDays: Trace retention of 45 days exceeds zone sgp's limit of 30 days ({ZoneOrigin("sgp")}). "
            + "Fix: Set platform:traceRetentionDays to 30 or less, or remove it to keep traces 30 days.");
    }

    [Fact]
    public void TraceRetentionBelowTheLimit_ShortensTheLifecycle()
    {
        using var stack = new StackFile("fra").Append("  platform:traceRetentionDays: 7\n");

        var plan = stack.Build().Plan.ShouldNotBeNull();

        plan.TraceBucket.ExpirationDays.ShouldBe(7);
        plan.TraceBucket.TraceRule.ExpirationDays.ShouldBe(6);
        plan.RegionalFunction.LogRetentionDays.ShouldBe(7);
    }

    [Fact]
    public void TraceRetentionOfOneDay_IsRefused_SinceNoLifecycleRuleCanHoldIt()
    {
        using var stack = new StackFile("sgp").Append("  platform:traceRetentionDays: 1\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("traceRetentionDays")}: platform:traceRetentionDays: Trace retention of 1 days is below 2: S3 deletes at the first midnight UTC after a rule's days, and a rule needs at least one. "
            + "Fix: Set platform:traceRetentionDays from 2 to 30.");
    }

    [Fact]
    public void CnInASingaporeRegion_IsRefused()
    {
        using var stack = new StackFile("cn").Replace("aws:region: cn-northwest-1", "aws:region: ap-southeast-1");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("aws:region")}: aws:region: Region 'ap-southeast-1' is outside zone cn: its trace bucket, function and pools must be in aws-cn cn-northwest-1 ({ZoneOrigin("cn")}). "
            + "Fix: Set aws:region to cn-northwest-1, or remove it.");
    }

    [Fact]
    public void CnAdapterLayerFromTheCommercialPartition_IsRefused()
    {
        using var stack = new StackFile("cn").Replace(
            "arn:aws-cn:lambda:cn-northwest-1:069767869989:layer:LambdaAdapterLayerX86:26",
            "arn:aws:lambda:ap-southeast-1:753240598075:layer:LambdaAdapterLayerX86:26");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("lambdaAdapterLayerArn")}: platform:lambdaAdapterLayerArn: Layer 'arn:aws:lambda:ap-southeast-1:753240598075:layer:LambdaAdapterLayerX86:26' is in partition 'aws', not zone cn's partition 'aws-cn'. "
            + "Fix: Use the adapter layer published in aws-cn cn-northwest-1, like arn:aws-cn:lambda:cn-northwest-1:<account>:layer:LambdaAdapterLayerX86:<version>.");
    }

    [Fact]
    public void CnAdapterLayerFromTheOtherMainlandRegion_IsRefused()
    {
        using var stack = new StackFile("cn").Replace(
            "arn:aws-cn:lambda:cn-northwest-1:069767869989:",
            "arn:aws-cn:lambda:cn-north-1:041581134020:");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("lambdaAdapterLayerArn")}: platform:lambdaAdapterLayerArn: Layer 'arn:aws-cn:lambda:cn-north-1:041581134020:layer:LambdaAdapterLayerX86:26' is in region 'cn-north-1'; a function can use layers of its own region cn-northwest-1 only. "
            + "Fix: Use the adapter layer published in cn-northwest-1, like arn:aws-cn:lambda:cn-northwest-1:<account>:layer:LambdaAdapterLayerX86:<version>.");
    }

    [Fact]
    public void CnWithoutAnAdapterLayer_IsRefused_BecauseAwsCnHasNoDerivedLayer()
    {
        using var stack = new StackFile("cn").Replace(
            "  platform:lambdaAdapterLayerArn: arn:aws-cn:lambda:cn-northwest-1:069767869989:layer:LambdaAdapterLayerX86:26\n", "");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:1: platform:lambdaAdapterLayerArn: Missing. "
            + "Fix: Set platform:lambdaAdapterLayerArn to the Lambda Web Adapter layer in aws-cn cn-northwest-1, like arn:aws-cn:lambda:cn-northwest-1:<account>:layer:LambdaAdapterLayerX86:<version>.");
    }

    [Fact]
    public void BucketReplicationOn_IsRefused()
    {
        using var stack = new StackFile("fra").Append("  platform:bucketReplication: true\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("bucketReplication")}: platform:bucketReplication: Replication is on: a replica could carry personal data out of zone fra. "
            + "Fix: Set platform:bucketReplication to false, or remove it: traces stay in the zone's one bucket.");
    }

    [Fact]
    public void PublicBucketOn_IsRefused()
    {
        using var stack = new StackFile("sgp").Append("  platform:publicBucket: true\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("publicBucket")}: platform:publicBucket: A public trace bucket would expose reasoning traces that may hold personal data. "
            + "Fix: Set platform:publicBucket to false, or remove it: the bucket blocks all public access.");
    }

    [Fact]
    public void PoolOverridePuttingAnNvidiaAcceleratorInCn_IsRefused()
    {
        using var stack = new StackFile("cn").Append("  platform:pools:\n    cn-910b-fast-a:\n      accelerator: h100\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("accelerator: h100")}: platform:pools.cn-910b-fast-a.accelerator: Accelerator 'h100' may not run in zone cn ({ZoneOrigin("cn")}). "
            + "Fix: Use one of zone cn's accelerators: ascend-910b; or remove the override.");
    }

    [Fact]
    public void PoolOverridePuttingAscendInFra_IsRefused()
    {
        using var stack = new StackFile("fra").Append("  platform:pools:\n    fra-h100-fast-a:\n      accelerator: ascend-910b\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("accelerator: ascend-910b")}: platform:pools.fra-h100-fast-a.accelerator: Accelerator 'ascend-910b' may not run in zone fra ({ZoneOrigin("fra")}). "
            + "Fix: Use one of zone fra's accelerators: h100, h200; or remove the override.");
    }

    [Fact]
    public void PoolOverrideOfAnotherZonesPool_IsRefused()
    {
        using var stack = new StackFile("cn").Append("  platform:pools:\n    sgp-h100-fast-a:\n      replicas: 4\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("replicas: 4")}: platform:pools.sgp-h100-fast-a: 'sgp-h100-fast-a' is not a pool of zone cn in policies/pools.yaml. "
            + "Fix: Use one of: cn-910b-fast-a, cn-910b-fast-b, cn-910b-reasoning-a, cn-910b-reasoning-b, cn-910b-verified, cn-910b-frontier.");
    }

    [Fact]
    public void PoolReplicaOverride_ScalesThatPoolOnly()
    {
        using var stack = new StackFile("sgp").Append("  platform:pools:\n    sgp-h100-fast-b:\n      replicas: 3\n");

        var plan = stack.Build().Plan.ShouldNotBeNull();

        plan.PoolDeployments.Single(p => p.PoolId == "sgp-h100-fast-b").Replicas.ShouldBe(3);
        plan.PoolDeployments.Single(p => p.PoolId == "sgp-h100-fast-b").PdbMinAvailable.ShouldBe(2);
        plan.PoolDeployments.Single(p => p.PoolId == "sgp-h100-fast-a").Replicas.ShouldBe(2);
    }

    [Fact]
    public void KubeconfigInPlainText_IsRefused()
    {
        using var stack = new StackFile("fra").Replace(
            "  platform:kubeconfig:\n    secure: AAABAPlaceholderSetWithPulumiConfigSetSecretPlatformKubeconfig=\n",
            "  platform:kubeconfig: \"apiVersion: v1\"\n");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("  platform:kubeconfig:")}: platform:kubeconfig: Stored in plain text in the stack file. "
            + "Fix: Run `pulumi config set --secret platform:kubeconfig \"$(cat <kubeconfig file>)\"` for the zone's GPU cluster.");
    }

    [Fact]
    public void MissingSigningKey_IsRefused()
    {
        using var stack = new StackFile("sgp").Replace(
            "  platform:signingKey:\n    secure: AAABAPlaceholderSetWithPulumiConfigSetSecretPlatformSigningKey=\n", "");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:1: platform:signingKey: Missing. "
            + "Fix: Run `pulumi config set --secret platform:signingKey \"$(openssl rand -base64 32)\"`: the zone's edge signs request tags with it and its regional function verifies them.");
    }

    [Fact]
    public void UnknownZone_IsRefused()
    {
        using var stack = new StackFile("sgp").Replace("platform:zone: sgp", "platform:zone: hkg");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("platform:zone")}: platform:zone: Unknown zone 'hkg'. Fix: Set platform:zone to one of: sgp, fra, cn.");
    }

    [Fact]
    public void MisspelledPlatformKey_IsRefused_RatherThanIgnored()
    {
        using var stack = new StackFile("sgp").Append("  platform:bucketReplicaton: true\n");

        var error = stack.SingleError();

        error.Key.ShouldBe("platform:bucketReplicaton");
        error.Problem.ShouldBe("Unknown key 'platform:bucketReplicaton'.");
        error.Fix.ShouldStartWith("Use one of: platform:zone, platform:awsAccountId,");
    }

    [Fact]
    public void EdgeOutsideTheZonesAzureRegion_IsRefused()
    {
        using var stack = new StackFile("cn").Replace("azure-native:location: chinanorth3", "azure-native:location: eastasia");

        stack.SingleError().ToString().ShouldBe(
            $"{stack.Path}:{stack.LineOf("azure-native:location")}: azure-native:location: Location 'eastasia' is outside zone cn: its edge must be in AzureChinaCloud chinanorth3 ({ZoneOrigin("cn")}). "
            + "Fix: Set azure-native:location to chinanorth3, or remove it.");
    }

    [Fact]
    public void SeveralProblems_AreAllReported_AtOnce()
    {
        using var stack = new StackFile("cn")
            .Replace("aws:region: cn-northwest-1", "aws:region: ap-southeast-1")
            .Append("  platform:traceRetentionDays: 45\n  platform:bucketReplication: true\n  platform:publicBucket: true\n");

        var result = stack.Build();

        result.Plan.ShouldBeNull();
        result.Errors.Select(e => e.Key).ShouldBe(["aws:region", "platform:traceRetentionDays", "platform:bucketReplication", "platform:publicBucket"]);
        Should.Throw<InvalidOperationException>(result.PlanOrThrow).Message.ShouldStartWith("The stack cannot be deployed (4 problems):");
    }
}
