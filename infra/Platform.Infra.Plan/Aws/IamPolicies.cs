using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Infra.Plan;

/// <summary>
/// The IAM documents of a zone: the regional function's role may write only its own bucket's trace and decision
/// prefixes, use only its own zone key, and log only to its own log group; the edge's user may only put its zone's
/// decision records; the bucket refuses any request not made over TLS.
/// </summary>
public static class IamPolicies
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string AssumeRoleForLambda() => Document(new JsonObject
    {
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = "lambda.amazonaws.com" },
        ["Action"] = "sts:AssumeRole",
    });

    public static string DenyInsecureTransport(string bucketArn) => Document(new JsonObject
    {
        ["Sid"] = "DenyInsecureTransport",
        ["Effect"] = "Deny",
        ["Principal"] = "*",
        ["Action"] = "s3:*",
        ["Resource"] = new JsonArray(bucketArn, $"{bucketArn}/*"),
        ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
    });

    /// <summary>The role policy; the key ARN is known only once the key exists, so the Pulumi layer passes it in.</summary>
    public static string RegionalFunctionRole(TraceBucketPlan bucket, RegionalFunctionPlan function, string traceKeyArn) => Document(
        new JsonObject
        {
            ["Sid"] = "WriteOwnTraces",
            ["Effect"] = "Allow",
            // Tagging: each trace carries its expiry, retention class and zone as object tags.
            ["Action"] = new JsonArray("s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject"),
            ["Resource"] = bucket.TraceObjectsArn,
        },
        new JsonObject
        {
            // The function refuses to start (and to write) unless the bucket expires traces within the retention.
            ["Sid"] = "CheckOwnBucketLifecycle",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("s3:GetLifecycleConfiguration", "s3:GetBucketVersioning"),
            ["Resource"] = bucket.Arn,
        },
        new JsonObject
        {
            ["Sid"] = "ListOwnTraces",
            ["Effect"] = "Allow",
            ["Action"] = "s3:ListBucket",
            ["Resource"] = bucket.Arn,
            ["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = $"{bucket.TracePrefix}*" } },
        },
        new JsonObject
        {
            // The decision log lives beside the traces: the function writes, reads (audits) and sweeps its own records.
            ["Sid"] = "WriteOwnDecisions",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject"),
            ["Resource"] = bucket.DecisionObjectsArn,
        },
        new JsonObject
        {
            ["Sid"] = "ListOwnDecisions",
            ["Effect"] = "Allow",
            ["Action"] = "s3:ListBucket",
            ["Resource"] = bucket.Arn,
            ["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = $"{bucket.DecisionRule.Prefix}*" } },
        },
        new JsonObject
        {
            ["Sid"] = "UseOwnZoneKey",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("kms:GenerateDataKey", "kms:Decrypt"),
            ["Resource"] = traceKeyArn,
        },
        new JsonObject
        {
            ["Sid"] = "WriteOwnLogs",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("logs:CreateLogStream", "logs:PutLogEvents"),
            ["Resource"] = $"{function.LogGroupArn}:*",
        },
        new JsonObject
        {
            // A function in a VPC needs network interfaces; these actions take no resource scope (AWS documents "*").
            ["Sid"] = "AttachToZoneVpc",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
            ["Resource"] = "*",
        });

    /// <summary>
    /// The edge's user policy: put (with tags) its own zone's decision records, read the bucket's lifecycle before writing,
    /// and encrypt under the zone key. No read, list or delete: the regional function sweeps and audits read.
    /// </summary>
    public static string EdgeDecisionWriter(TraceBucketPlan bucket, string traceKeyArn) => Document(
        new JsonObject
        {
            ["Sid"] = "PutOwnZoneDecisions",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("s3:PutObject", "s3:PutObjectTagging"),
            ["Resource"] = bucket.DecisionObjectsArn,
        },
        new JsonObject
        {
            ["Sid"] = "CheckOwnBucketLifecycle",
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray("s3:GetLifecycleConfiguration", "s3:GetBucketVersioning"),
            ["Resource"] = bucket.Arn,
        },
        new JsonObject
        {
            ["Sid"] = "EncryptWithOwnZoneKey",
            ["Effect"] = "Allow",
            ["Action"] = "kms:GenerateDataKey",
            ["Resource"] = traceKeyArn,
        });

    private static string Document(params JsonObject[] statements) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statements) }.ToJsonString(Indented);
}
