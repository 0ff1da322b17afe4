using Platform.Pii.Identifiers;

namespace Platform.Pii.Tests.Identifiers;

/// <summary>Examples published with each standard (the same ones the data set's checker was verified against).</summary>
public sealed class PublishedExampleTests
{
    private static readonly IdentifierTables Tables = new();

    [Theory]
    [InlineData("S1234567D")]
    [InlineData("F1234567N")]
    public void SgNric_PublishedExample_IsValid(string id) => SingaporeNric.IsValid(id).ShouldBeTrue();

    [Theory]
    [InlineData("A1234563")]
    [InlineData("F543210A")]
    public void HkId_PublishedExample_IsValid(string compact) => HongKongId.IsValid(compact).ShouldBeTrue();

    [Fact]
    public void TwId_PublishedExample_IsValid() => TaiwanId.IsValid("A123456789").ShouldBeTrue();

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    public void Uscc_PublishedExample_IsValid(string code) => Uscc.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("FR7630006000011234567890189")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("IT60X0542811101000000123456")]
    public void Iban_PublishedExample_IsValid(string iban) => Tables.Iban.IsValid(iban).ShouldBeTrue();

    [Theory]
    [InlineData("HKID A123456(3)", "hk_id", "A123456(3)")]
    [InlineData("My FIN is F1234567N.", "sg_nric", "F1234567N")]
    [InlineData("身分證字號 A123456789", "tw_id", "A123456789")]
    [InlineData("IBAN FR76 3000 6000 0112 3456 7890 189 please", "iban", "FR76 3000 6000 0112 3456 7890 189")]
    [InlineData("mijn rekening NL91 ABNA 0417 1643 00", "iban", "NL91 ABNA 0417 1643 00")]
    [InlineData("conto IT60 X054 2811 1010 0000 0123 456.", "iban", "IT60 X054 2811 1010 0000 0123 456")]
    public void Classifier_PublishedExampleInText_IsReportedWithItsSpan(string text, string type, string value)
    {
        var finding = TestData.Find(text).ShouldHaveSingleItem();
        finding.Type.ShouldBe(type);
        finding.Value.ShouldBe(value);
    }

    [Fact]
    public void Uscc_EnterpriseCode_IsNotReportedAsPersonalData() =>
        TestData.Find("本公司统一社会信用代码 91350100M000100Y43").ShouldBeEmpty();
}
