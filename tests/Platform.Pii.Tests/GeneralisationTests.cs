namespace Platform.Pii.Tests;

/// <summary>Phrasings written apart from the dev set, for mistakes found by probing the classifier with new prompts.</summary>
public sealed class GeneralisationTests
{
    private static readonly PiiClassifier Classifier = new();

    [Theory]
    [InlineData("I was diagnosed with asthma last year; how should I plan my marathon training?", "health")]
    [InlineData("As a member of the RMT union I want to write to my manager about the strike day.", "trade_union")]
    public void FirstPersonDisclosure_IsFound_EvenNextToAWordThatCanFrameGenericContent(string prompt, string type) =>
        Classifier.Scan(prompt).Findings.Select(f => f.Type).ShouldContain(type);

    [Theory]
    [InlineData("Is Norway a member of the European Union? I am writing an essay.")]
    [InlineData("舍曲林和氟西汀有什么区别？我在准备药理学课件。")]
    [InlineData("Prepare slides for a staff training on diabetes prevention.")]
    public void GenericOrPoliticalContent_IsNotPersonal(string prompt) =>
        Classifier.Scan(prompt).Findings.ShouldBeEmpty();

    [Theory]
    [InlineData("Explique la photosynthèse simplement.", "fr")]
    [InlineData("¿Cómo se calcula el interés compuesto?", "es")]
    public void LettersOnlyOneLanguageWrites_DecideBetweenCloseLatinLanguages(string prompt, string locale) =>
        Classifier.Scan(prompt).Locale.ShouldBe(locale);
}
