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
        // Tagging: each object carries its expiry, retention class and zone as object tags.
        Allow("WriteOwnTraces", new JsonArray("s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject"), bucket.TraceObjectsArn),
        // The function refuses to start (and to write) unless the bucket expires traces and decision records within their retention.
        CheckBucketLifecycle(bucket),
        ListPrefix("ListOwnTraces", bucket, bucket.TracePrefix),
        // The decision log lives beside the traces: the function writes, reads (audits) and sweeps its own records.
        Allow("WriteOwnDecisions", new JsonArray("s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject"), bucket.DecisionObjectsArn),
        ListPrefix("ListOwnDecisions", bucket, bucket.DecisionRule.Prefix),
        Allow("UseOwnZoneKey", new JsonArray("kms:GenerateDataKey", "kms:Decrypt"), traceKeyArn),
        Allow("WriteOwnLogs", new JsonArray("logs:CreateLogStream", "logs:PutLogEvents"), $"{function.LogGroupArn}:*"),
        // A function in a VPC needs network interfaces; these actions take no resource scope (AWS documents "*").
        Allow("AttachToZoneVpc", new JsonArray("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"), "*"));

    /// <summary>
    /// The edge's user policy: put (with tags) its own zone's decision records, read the bucket's lifecycle before writing,
    /// and encrypt under the zone key. No read, list or delete: the regional function sweeps and audits read.
    /// </summary>
    public static string EdgeDecisionWriter(TraceBucketPlan bucket, string traceKeyArn) => Document(
        Allow("PutOwnZoneDecisions", new JsonArray("s3:PutObject", "s3:PutObjectTagging"), bucket.DecisionObjectsArn),
        CheckBucketLifecycle(bucket),
        Allow("EncryptWithOwnZoneKey", "kms:GenerateDataKey", traceKeyArn));

    private static JsonObject Allow(string sid, JsonNode actions, string resource) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = actions,
        ["Resource"] = resource,
    };

    private static JsonObject CheckBucketLifecycle(TraceBucketPlan bucket) =>
        Allow("CheckOwnBucketLifecycle", new JsonArray("s3:GetLifecycleConfiguration", "s3:GetBucketVersioning"), bucket.Arn);

    private static JsonObject ListPrefix(string sid, TraceBucketPlan bucket, string prefix)
    {
        var statement = Allow(sid, "s3:ListBucket", bucket.Arn);
        statement["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = $"{prefix}*" } };
        return statement;
    }

    private static string Document(params JsonObject[] statements) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statements) }.ToJsonString(Indented);
}
