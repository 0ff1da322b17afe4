using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Platform.Compliance;
using Platform.Infra.Plan;
using Pulumi;
using Pulumi.Testing;

namespace Platform.Infra.Tests;

/// <summary>
/// Echoes each resource's inputs as its state, adds the outputs the program reads (ARNs, ids, URLs), and records
/// every resource so tests can assert on what the program would create. A stack reference reads a peer zone's stack
/// as deployed (its regional URL, its signing key as a secret) unless <paramref name="peersDeployed"/> is false:
/// then the peer stack exists but has no outputs yet, as before its first `pulumi up`.
/// </summary>
internal sealed class RecordingMocks(string partition, string region, string account, bool peersDeployed = true) : IMocks
{
    public List<MockResourceArgs> Resources { get; } = [];

    /// <summary>A zone's regional Function URL as the mocks give it (below) and a deployed peer stack exports it.</summary>
    public static string RegionalUrl(string zone) => $"https://mock.lambda-url.{ComplianceModel.Embedded.Zone(zone).Aws.Region}.on.aws/";

    /// <summary>A deployed peer stack's signing key: 32 bytes that differ by zone, base64 as the edge expects.</summary>
    public static string PeerSigningKey(string zone) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(zone)));

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Resources.Add(args);
        var state = args.Inputs.ToBuilder();
        var name = args.Name ?? "resource";
        var id = name + "-id";
        switch (args.Type)
        {
            case "aws:kms/key:Key":
                id = "1234abcd-12ab-34cd-56ef-1234567890ab";
                state["arn"] = $"arn:{partition}:kms:{region}:{account}:key/{id}";
                state["keyId"] = id;
                break;
            case "aws:s3/bucket:Bucket":
                id = (string)args.Inputs["bucket"];
                state["arn"] = $"arn:{partition}:s3:::{id}";
                break;
            case "aws:iam/role:Role":
                id = (string)args.Inputs["name"];
                state["arn"] = $"arn:{partition}:iam::{account}:role/{id}";
                break;
            case "aws:lambda/function:Function":
                id = (string)args.Inputs["name"];
                state["arn"] = $"arn:{partition}:lambda:{region}:{account}:function:{id}";
                break;
            case "aws:cloudwatch/eventRule:EventRule":
                id = (string)args.Inputs["name"];
                state["arn"] = $"arn:{partition}:events:{region}:{account}:rule/{id}";
                break;
            case "aws:lambda/functionUrl:FunctionUrl":
                state["functionUrl"] = $"https://mock.lambda-url.{region}.on.aws/";
                break;
            case "kubernetes:core/v1:Service":
                state["status"] = ImmutableDictionary<string, object>.Empty.Add("loadBalancer",
                    ImmutableDictionary<string, object>.Empty.Add("ingress",
                        ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("hostname", $"{name}.internal"))));
                break;
            case "azure-native:resources:ResourceGroup":
                state["name"] = args.Inputs["resourceGroupName"];
                break;
            case "azure-native:storage:StorageAccount":
                id = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/{args.Inputs["accountName"]}";
                state["name"] = args.Inputs["accountName"];
                state["primaryEndpoints"] = ImmutableDictionary<string, object>.Empty.Add("blob", $"https://{args.Inputs["accountName"]}.blob.core.example/");
                break;
            case "azure-native:storage:BlobContainer":
                state["name"] = args.Inputs["containerName"];
                break;
            case "pulumi:pulumi:StackReference":
                // Read by id, the fully qualified stack name; the peer zone is its last part.
                id = args.Id!;
                var peer = id.Split('/')[^1];
                state["outputs"] = peersDeployed
                    ? ImmutableDictionary<string, object>.Empty
                        .Add(FailoverPeerPlan.UrlOutput, RegionalUrl(peer))
                        .Add(FailoverPeerPlan.SigningKeyOutput, Output.CreateSecret(PeerSigningKey(peer)))
                    : ImmutableDictionary<string, object>.Empty;
                state["secretOutputNames"] = peersDeployed ? ImmutableArray.Create<object>(FailoverPeerPlan.SigningKeyOutput) : ImmutableArray<object>.Empty;
                break;
            case "azure-native:web:WebApp":
                state["defaultHostName"] = $"{args.Inputs["name"]}.azurewebsites.example";
                state["identity"] = ImmutableDictionary<string, object>.Empty.Add("principalId", "11111111-2222-3333-4444-555555555555");
                break;
        }

        // Component resources have no provider id.
        return Task.FromResult<(string?, object)>((args.Type!.StartsWith("platform:", StringComparison.Ordinal) ? null : id, state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);

    public IEnumerable<MockResourceArgs> OfType(string type) => Resources.Where(r => r.Type == type);

    public MockResourceArgs Single(string type) => Resources.Single(r => r.Type == type);
}
