using Platform.Compliance;
using Platform.Contracts.Tags;
using Platform.Traces;

namespace Platform.Regional.Tagging;

/// <summary>
/// Admits a request only with tags the edge signed for this zone, not seen before, and homed where this
/// zone may serve it. The zone rule is checked again here so a compromised edge still cannot move personal data.
/// </summary>
internal sealed class TagGate(RegionalSettings settings, ComplianceModel model, ReplayCache replay, TimeProvider time)
{
    public GateResult Check(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var (verdict, tags) = TagSigner.Verify(
            headers[InternalHeaders.Tags], headers[InternalHeaders.Timestamp], headers[InternalHeaders.BodySha256], headers[InternalHeaders.Signature],
            body, settings.Zone.Id, settings.SigningKey, time.GetUtcNow());

        // Messages name the failed check only: never a key, a signature or a tag value.
        switch (verdict)
        {
            case TagVerdict.Missing:
                return GateResult.Refuse(401, "This endpoint serves only requests forwarded by the platform edge: the signed platform tags are missing.", "missing_tags");
            case TagVerdict.Malformed:
                return GateResult.Refuse(401, "The platform tags are malformed.", "invalid_tags");
            case TagVerdict.BadSignature:
                return GateResult.Refuse(401, "The platform tags are not signed for this zone.", "invalid_signature");
            case TagVerdict.Expired:
                return GateResult.Refuse(401, "The platform tags have expired; send the request through the edge again.", "expired_tags");
            case TagVerdict.BodyMismatch:
                return GateResult.Refuse(401, "The request body is not the body the platform tags were signed for.", "body_mismatch");
            case TagVerdict.OtherZone:
                return GateResult.Refuse(403, $"The request was routed to another zone, not to {settings.Zone.Id}.", "wrong_zone");
            case TagVerdict.Valid:
                break;
            default:
                throw new InvalidOperationException($"Unhandled tag verdict {verdict}.");
        }

        // Every admitted request is traced under its id, so an id that cannot key a trace is refused here, not lost later.
        if (!CanKeyATrace(tags!.RequestId))
        {
            return GateResult.Refuse(401, "The platform tags carry an invalid request id.", "invalid_tags");
        }

        switch (replay.Record(tags.RequestId))
        {
            case ReplayCheck.Replayed:
                return GateResult.Refuse(401, "This request id was already served; a request is accepted once.", "replayed_request");
            case ReplayCheck.Full:
                return GateResult.Refuse(429, "This zone is receiving more requests than it can track; retry shortly.", "rate_limited");
            case ReplayCheck.Fresh:
                break;
        }

        if (!model.IsZone(tags.HomeZone) || !model.MayServe(tags.HomeZone, tags.DataClass, settings.Zone.Id))
        {
            return GateResult.Refuse(403, "personal data may only be served in its home zone", "zone_not_allowed");
        }

        return GateResult.Admit(tags);
    }

    private bool CanKeyATrace(string requestId)
    {
        try
        {
            TraceKeys.For(settings.Zone.Id, time.GetUtcNow(), requestId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
