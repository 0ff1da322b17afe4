using System.Collections.Immutable;
using Platform.Infra.Plan;
using Pulumi;
using Pulumi.AzureNative.Web.Inputs;

namespace Platform.Infra;

/// <summary>
/// A failover peer's regional URL and signing key as the edge's app settings, read from the peer stack's outputs.
/// A peer stack that has not been deployed yet (or whose secrets this stack cannot decrypt) has no such outputs:
/// then the settings are left out and the update warns, because an edge given an empty endpoint would refuse to
/// start, and the zone's own traffic must not wait for another zone's deployment.
/// </summary>
internal static class FailoverPeerSettings
{
    public static Output<ImmutableArray<NameValuePairArgs>> From(StackReference peerStack, string peerStackName, FailoverPeerPlan peer, Resource warnOn)
    {
        var settings = Output.Tuple(peerStack.GetOutput(FailoverPeerPlan.UrlOutput), peerStack.GetOutput(FailoverPeerPlan.SigningKeyOutput)).Apply(endpoint =>
        {
            if (endpoint.Item1 is string { Length: > 0 } url && endpoint.Item2 is string { Length: > 0 } key)
            {
                return ImmutableArray.Create(
                    new NameValuePairArgs { Name = peer.UrlSetting, Value = url },
                    new NameValuePairArgs { Name = peer.SigningKeySetting, Value = key });
            }

            Pulumi.Log.Warn(
                $"Failover to zone {peer.Zone} is off: stack {peerStackName} has no '{FailoverPeerPlan.UrlOutput}' and '{FailoverPeerPlan.SigningKeyOutput}' outputs "
                + $"this stack can read, so this edge serves its own zone only. Run `pulumi up` on stack {peer.Stack}, then on this stack again (infra/README.md, \"Failover between zones\").",
                warnOn);
            return ImmutableArray<NameValuePairArgs>.Empty;
        });

        // The peer marks its key secret; this holds even if it did not, so the key never shows in plain text here.
        return Output.CreateSecret(settings);
    }
}
