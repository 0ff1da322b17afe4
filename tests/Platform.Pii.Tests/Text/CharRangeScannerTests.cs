using FsCheck;
using FsCheck.Fluent;
using Platform.Pii.Text;

namespace Platform.Pii.Tests.Text;

/// <summary>The block-at-a-time range scanner finds exactly the positions a char-by-char test finds, in order.</summary>
public sealed class CharRangeScannerTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void Next_AnyTextAndRanges_VisitsExactlyTheCharsInRange()
    {
        var chars = Gen.Frequency(
            (4, Gen.Choose('0', 'z').Select(i => (char)i)),
            (1, Gen.Choose(0xC0, 0x1EFF).Select(i => (char)i)),
            (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));
        // Lengths around the 64-char blocks and the 8-char vectors, so every tail path runs.
        var texts = Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(chars, n)).Select(a => new string(a));
        var ranges = Gen.Elements(('0', '9', '0', '9'), ('A', 'Z', '\u00C0', '\u1EFF'), ('a', 'a', 'z', 'z'), ('\0', '\uFFFF', '\0', '\0'));
        Check.One(Runs, Prop.ForAll(texts.ToArbitrary(), ranges.ToArbitrary(), (text, r) =>
        {
            var expected = Enumerable.Range(0, text.Length).Where(i => text[i] >= r.Item1 && text[i] <= r.Item2 || text[i] >= r.Item3 && text[i] <= r.Item4);
            return Visit(text, r).SequenceEqual(expected);
        }));
    }

    [Fact]
    public void Next_FromInsideABlock_SkipsTheMatchesBeforeIt()
    {
        var text = new string('7', 70);
        var scanner = new CharRangeScanner(text, '0', '9');
        scanner.Next(65).ShouldBe(65);
        scanner.Next(3).ShouldBe(3);
        scanner.Next(70).ShouldBe(-1);
    }

    private static List<int> Visit(string text, (char, char, char, char) r)
    {
        var found = new List<int>();
        var scanner = new CharRangeScanner(text, r.Item1, r.Item2, r.Item3, r.Item4);
        for (var i = scanner.Next(0); i >= 0; i = scanner.Next(i + 1))
        {
            found.Add(i);
        }
        return found;
    }
}
