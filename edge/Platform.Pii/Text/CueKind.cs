namespace Platform.Pii.Text;

/// <summary>What a lexicon entry signals. One word can carry several kinds (e.g. a bank name is a bank cue).</summary>
[Flags]
internal enum CueKind : long
{
    None = 0,
    NameCue = 1L << 0,        // a person's name follows: 申请人, my name is, Herr
    ChildCue = 1L << 1,       // my son, 女儿: a child's given name / age follows
    PhoneCue = 1L << 2,       // 手机, mobile, Tel
    NotPersonalNumber = 1L << 3, // order, ticket, tracking, invoice, hotline: the number next to it is not personal
    PassportCue = 1L << 4,
    BankCue = 1L << 5,        // account, 账户, bank names
    CreditCardCue = 1L << 6,  // 信用卡, credit card: a 62… card is a credit card, not a debit card
    NationalIdCue = 1L << 7,  // 身份证, NRIC, NIK, CCCD, KP
    EmployeeCue = 1L << 8,
    ImCue = 1L << 9,
    BiometricCue = 1L << 10,
    DobCue = 1L << 11,
    FirstPerson = 1L << 12,   // I, 我, saya: the prompt is about the person behind the account
    ThirdPerson = 1L << 13,   // patient, 被保险人, my father: a specific identified person
    Health = 1L << 14,
    Religion = 1L << 15,
    SexualOrientation = 1L << 16,
    TradeUnion = 1L << 17,
    Genetic = 1L << 18,
    PresentLocation = 1L << 19, // 我现在在, I'm at, 起点: coordinates that follow are a person's position
    IpUserCue = 1L << 20,     // user_id, login, home router: an IP next to it belongs to a user
    StreetWord = 1L << 21,    // Road, Straße, Jalan, 路
    AddressCue = 1L << 22,    // 地址, address, alamat
    Placeholder = 1L << 23,   // 张三, John Doe: never a person
    PublicFigure = 1L << 24,
    NameStop = 1L << 25,      // words that end a name run (身份证, 手机 …) – used by the CJK name reader
    Generic = 1L << 26,       // statistics, template, handout: content about nobody in particular
    Honorific = 1L << 27,     // さん, 様, 님: the name stands before it
    Title = 1L << 28,         // Mr, Frau, Bapak: one name word after it is enough
    Plural = 1L << 29,        // 我们, 私たち: "we" is not a first-person disclosure, so it masks the shorter 我/私 at its start
    Suffix = 1L << 61,        // a condition suffix (-炎, -障碍): the finding takes the CJK stem before it
    Prefix = 1L << 62,        // internal: entry matches as a word prefix (stem*)
}
