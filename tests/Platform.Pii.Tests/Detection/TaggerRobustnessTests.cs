using FsCheck;
using FsCheck.Fluent;

namespace Platform.Pii.Tests.Detection;

/// <summary>For any input the tagger returns normally and every finding is the exact substring at its offset.</summary>
public sealed class TaggerRobustnessTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    // Fragments that exercise every scanner: digit runs with separators, ID shapes, cues, CJK text, honorifics, '@'.
    private static readonly string[] Fragments =
    [
        "身份证号", "110105194912310021", "4111 1111 1111 1111", "+86 138 1234 5678", "(852) 6628 5663", "S1234567D", "A123456(3)",
        "FR76 3000 6000 0112 3456 7890 189", "@", "a.b@gmail.com", "93.133.90.239", "2001:db8::1", "22.54312, 113.94587", "我", "さん", "님",
        "路 1037 号", "Blk 456 #08-1123", "申请人", "my son", "7岁", "9 yrs old", "（", "）", "(", ")", "-", " ", "\n", "```", "`", "X", "0", "9", ".", ",",
        "手机", "Herr ", "Tenant: ", "Road", "丁目", "로12길 34", "voiceprint", "[0.1, 0.2, 0.3, 0.4]", "DOB 1990-01-01", "92120101MANTJB5L2K",
    ];

    [Fact]
    public void Scan_ArbitraryUnicode_NeverThrowsAndSpansMatchTheText()
    {
        var chars = Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7E).Select(i => (char)i)),
            (2, Gen.Choose(0x4E00, 0x9FFF).Select(i => (char)i)),
            (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));
        var strings = Gen.Sized(size => Gen.Choose(0, size * 4).SelectMany(n => Gen.ArrayOf(chars, n))).Select(a => new string(a));
        Check.One(Runs, Prop.ForAll(strings.ToArbitrary(), SpansAreSubstrings));
    }

    [Fact]
    public void Scan_DigitHeavyAndCjkFragments_NeverThrowsAndSpansMatchTheText()
    {
        var strings = Gen.Sized(size => Gen.Choose(0, size).SelectMany(n => Gen.ArrayOf(Gen.Elements(Fragments), n))).Select(string.Concat);
        Check.One(Runs, Prop.ForAll(strings.ToArbitrary(), SpansAreSubstrings));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("(")]
    [InlineData("@")]
    [InlineData("1,")]
    [InlineData("路")]
    [InlineData("\uD800")]
    public void Scan_TinyInputs_ReturnNoFinding(string text) => TestData.Find(text).ShouldBeEmpty();

    private static bool SpansAreSubstrings(string text)
    {
        var scan = TestData.Classifier.Scan(text);
        return scan.Locale.Length > 0 && scan.Findings.All(f => f.Start >= 0 && f.Start + f.Length <= text.Length && text.Substring(f.Start, f.Length) == f.Value && f.Length > 0);
    }
}
