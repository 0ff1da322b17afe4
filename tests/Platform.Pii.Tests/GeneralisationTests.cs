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

    [Theory]
    [InlineData("客户李春梅说她的快递一直没到，帮我写个道歉回复。", "李春梅")]
    [InlineData("저는 김민준입니다. 이번 달 급여명세서 확인 부탁드립니다.", "김민준")]
    [InlineData("私は佐藤健太です。来週の会議の資料を作ってください。", "佐藤健太")]
    [InlineData("안녕하세요, 박서연이라고 합니다. 환불 절차를 알려주세요.", "박서연")]
    public void NameRightAfterASelfIntroductionOrRoleNoun_IsFound(string prompt, string name) =>
        Classifier.Scan(prompt).Findings.ShouldContain(f => f.Type == "person_name" && f.Value == name);

    [Theory]
    [InlineData("送到香港九龍旺角彌敦道688號。", "香港九龍旺角彌敦道688號")]
    [InlineData("寄到香港中環皇后大道中99號。", "香港中環皇后大道中99號")]
    public void HongKongStreet_EndingIn道_WithHouseNumber_IsAnAddress(string prompt, string address) =>
        Classifier.Scan(prompt).Findings.ShouldContain(f => f.Type == "address" && f.Value == address);

    [Theory]
    [InlineData("我知道了，3号下午去开会。")]
    [InlineData("他道歉了，说5号会还钱。")]
    [InlineData("這個問題我知道，第2號答案是錯的。")]
    public void Everyday道_BeforeADate_IsNotAnAddress(string prompt) =>
        Classifier.Scan(prompt).Findings.ShouldBeEmpty();

    [Theory]
    [InlineData("東京都世田谷区三軒茶屋2-14-7に荷物を送りたいです。", "東京都世田谷区三軒茶屋2-14-7")]
    [InlineData("配送先：神奈川県横浜市中区山下町123-4 までお願いします。", "神奈川県横浜市中区山下町123-4")]
    [InlineData("実家は北海道札幌市中央区北一条西2-1-1です。", "北海道札幌市中央区北一条西2-1-1")]
    [InlineData("請求書の送付先は大阪府大阪市北区梅田3-1-1です。", "大阪府大阪市北区梅田3-1-1")]
    public void JapaneseAddress_WithoutStreetWord_IsFoundFromPrefectureToBlockNumber(string prompt, string address) =>
        Classifier.Scan(prompt).Findings.ShouldContain(f => f.Type == "address" && f.Value == address);

    [Theory]
    [InlineData("糖尿病でインスリンを打っているので、出張中の食事を相談したいです。")]
    [InlineData("당뇨 진단을 받아서 식단을 바꾸려고 합니다. 일주일 식단표 짜 주세요.")]
    [InlineData("요즘 공황장애 때문에 약을 먹고 있어서 회사에 말해야 할지 고민이에요.")]
    [InlineData("I started on lisinopril last month and my ankles swell.")]
    public void OwnConditionNarratedWithoutPronoun_IsHealth(string prompt) =>
        Classifier.Scan(prompt).Findings.ShouldContain(f => f.Type == "health");

    [Fact]
    public void VersionStringShapedLikeAnAddress_IsNotAnIp_EvenOnALineAboutCustomers() =>
        Classifier.Scan("Version 4.1.100.1 of the client library broke retries for the customer tier.").Findings.ShouldBeEmpty();

    [Fact]
    public void PhoneWithFullWidthBracketedCountryCode_IsFoundWhole() =>
        Classifier.Scan("请拨打（+852）6902 0248 联系他。").Findings.ShouldContain(f => f.Type == "hk_phone" && f.Value == "（+852）6902 0248");
}
