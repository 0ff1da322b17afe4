namespace Platform.Pii.Tests;

/// <summary>
/// Self-introductions missed when probing the running edge: the name often ends the prompt ("Hallo, ich heiße
/// Anna Schmidt."), so nothing after it can vouch for it, and only the cue before it does. Written to the rules, not
/// copied from the dev set.
/// </summary>
public sealed class ProbeMissTests
{
    private static readonly PiiClassifier Classifier = new();

    [Theory]
    [InlineData("Guten Tag, ich heiße Lena Vogel.", "Lena Vogel")]
    [InlineData("Guten Tag, ich heiße Lena Vogel", "Lena Vogel")]
    [InlineData("Ich bin Tobias Krämer und brauche eine Kündigungsvorlage.", "Tobias Krämer")]
    [InlineData("Salut, je m'appelle Élodie Martin.", "Élodie Martin")]
    [InlineData("Salut, je m’appelle Élodie Martin", "Élodie Martin")]
    [InlineData("Buenas tardes, me llamo Andrés Gómez.", "Andrés Gómez")]
    [InlineData("Mi nombre es Rocío Navarro", "Rocío Navarro")]
    [InlineData("Hey, I'm Daniel Okafor from procurement.", "Daniel Okafor")]
    [InlineData("Good morning, I am Mei Ling Tan.", "Mei Ling Tan")]
    [InlineData("Xin chào, tên tôi là Phạm Thu Hà.", "Phạm Thu Hà")]
    [InlineData("Chào bạn, tôi là Đặng Quốc Bảo", "Đặng Quốc Bảo")]
    [InlineData("Halo, nama saya Dewi Lestari.", "Dewi Lestari")]
    [InlineData("わたしは山口美咲です。", "山口美咲")]
    [InlineData("初めまして、松本真央と申します。", "松本真央")]
    [InlineData("私の名前は小林大輔です", "小林大輔")]
    [InlineData("안녕하세요, 제 이름은 정하은입니다", "정하은")]
    [InlineData("大家好，我叫做周雅婷", "周雅婷")]
    [InlineData("Selamat pagi, saya bernama Fitri Handayani.", "Fitri Handayani")]
    [InlineData("Chào chị, em tên là Lý Gia An.", "Lý Gia An")]
    [InlineData("はじめまして、田中美奈子と申します。来週の面接についてご相談です。", "田中美奈子")]
    [InlineData("山本由紀子と申します。請求書の件でご連絡しました。", "山本由紀子")]
    [InlineData("안녕하세요, 김지훈입니다. 다음 주 회의 일정 확인 부탁드립니다.", "김지훈")]
    [InlineData("반갑습니다! 박민수입니다. 잘 부탁드립니다.", "박민수")]
    [InlineData("我妈妈叫陈美华，今年62岁，有高血压。", "陈美华")]
    [InlineData("我哥哥叫赵子龙，在深圳工作。", "赵子龙")]
    [InlineData("请通知李明先生和陈美华女士明天来开会。", "陈美华")]
    public void NameEndingASelfIntroduction_IsFound(string prompt, string name) =>
        Classifier.Scan(prompt).Findings.ShouldContain(f => f.Type == "person_name" && f.Value == name);

    [Theory]
    [InlineData("I'm Not Sure What To Do About My Tax Return.")]
    [InlineData("I Am Very Tired Today, suggest a quick dinner.")]
    [InlineData("I'm Going Home Now, summarise the meeting notes.")]
    [InlineData("Ich heiße Sie herzlich willkommen zu unserem Workshop.")]
    [InlineData("Ich bin Neu Hier und suche die Kantine.")]
    [InlineData("Ich bin Deutsche Staatsbürgerin und lebe in Wien.")]
    [InlineData("Tôi tên là Nguyễn Văn A, đây là mẫu đơn.")]
    [InlineData("Hi, I am John Doe and this is a sample form.")]
    [InlineData("I am Senior Software Engineer, please review this pull request.")]
    [InlineData("I'm New York based, what time is it in Singapore?")]
    [InlineData("I'm Korean Canadian and want to practise my Mandarin.")]
    [InlineData("Je suis Responsable Commercial et je cherche un modèle de devis.")]
    [InlineData("제품 이름은 김치냉장고입니다. 광고 문구를 써 주세요.")]
    [InlineData("이것은 한국어입니다. 번역해 주세요.")]
    [InlineData("王先生说明天再来，帮我写个会议提醒。")]
    [InlineData("我先生最近总是加班，帮我写个周末安排。")]
    [InlineData("오늘 회의는 취소입니다. 다음 주에 다시 잡을게요.")]
    public void TitleCasedPhraseOrGreeting_AfterASelfIntroductionCue_IsNotAName(string prompt) =>
        Classifier.Scan(prompt).Findings.ShouldNotContain(f => f.Type == "person_name");

    [Theory]
    [InlineData("Hola, me llamo Marta Ibáñez.", "es")]
    [InlineData("Hola, necesito ayuda", "es")]
    [InlineData("Me llamo Julián", "es")]
    [InlineData("Tên tôi là Võ Thanh Tùng.", "vi")]
    public void ShortSelfIntroduction_GetsItsOwnLocale(string prompt, string locale) =>
        Classifier.Scan(prompt).Locale.ShouldBe(locale);
}
