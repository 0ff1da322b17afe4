using System.Text;
using Platform.Contracts.Tags;

namespace Platform.Regional.Tests.Tagging;

public sealed class TagSignerTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(RegionalHost.ChatBody());

    [Fact]
    public void TagsSignedForThisZone_Verify()
    {
        var tags = RegionalHost.Tags();

        var (verdict, verified) = Verify(TagSigner.Sign(tags, Body, RegionalHost.SgpKey, SignedAt), Body, SignedAt.AddSeconds(1));

        verdict.ShouldBe(TagVerdict.Valid);
        verified!.RequestId.ShouldBe(tags.RequestId);
    }

    [Fact]
    public void ForgedSignature_IsRejected()
    {
        var signed = TagSigner.Sign(RegionalHost.Tags(), Body, RegionalHost.SgpKey, SignedAt);

        Verify(signed with { Signature = "v1=" + new string('0', 64) }, Body, SignedAt).Verdict.ShouldBe(TagVerdict.BadSignature);
    }

    [Fact]
    public void TagsSignedWithAnotherZonesKey_AreRejected()
    {
        Verify(TagSigner.Sign(RegionalHost.Tags(), Body, RegionalHost.FraKey, SignedAt), Body, SignedAt).Verdict.ShouldBe(TagVerdict.BadSignature);
    }

    [Fact]
    public void TagsOlderThanSixtySeconds_HaveExpired()
    {
        var signed = TagSigner.Sign(RegionalHost.Tags(), Body, RegionalHost.SgpKey, SignedAt);

        Verify(signed, Body, SignedAt.AddSeconds(60)).Verdict.ShouldBe(TagVerdict.Valid);
        Verify(signed, Body, SignedAt.AddSeconds(61)).Verdict.ShouldBe(TagVerdict.Expired);
    }

    [Fact]
    public void ChangedBody_IsABodyMismatch()
    {
        var signed = TagSigner.Sign(RegionalHost.Tags(), Body, RegionalHost.SgpKey, SignedAt);

        Verify(signed, Encoding.UTF8.GetBytes(RegionalHost.ChatBody("deepseek-r1")), SignedAt).Verdict.ShouldBe(TagVerdict.BodyMismatch);
    }

    [Fact]
    public void TagsForAnotherServingZone_AreOtherZone()
    {
        var signed = TagSigner.Sign(RegionalHost.Tags(zone: "fra"), Body, RegionalHost.SgpKey, SignedAt);

        Verify(signed, Body, SignedAt).Verdict.ShouldBe(TagVerdict.OtherZone);
    }

    private static (TagVerdict Verdict, RequestTags? Tags) Verify(SignedTagHeaders h, byte[] body, DateTimeOffset now) =>
        TagSigner.Verify(h.Tags, h.Timestamp, h.BodySha256, h.Signature, body, "sgp", RegionalHost.SgpKey, now);
}
