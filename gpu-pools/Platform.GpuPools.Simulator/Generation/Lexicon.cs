namespace Platform.GpuPools.Simulator.Generation;

/// <summary>
/// The words generated text is made of. Each entry is one generated token; Latin entries are common words a
/// real tokenizer keeps whole, CJK entries are single characters.
/// </summary>
internal sealed record Lexicon(IReadOnlyList<string> Words, string Separator, string SentenceEnd, bool Capitalize, int MinSentence, int MaxSentence)
{
    public static readonly Lexicon LatinAnswer = new(
        [
            "the", "model", "answer", "is", "a", "simple", "result", "of", "data", "and", "this", "request",
            "can", "be", "served", "in", "zone", "with", "clear", "steps", "for", "each", "case", "you",
            "should", "use", "one", "pool", "that", "keeps", "latency", "low", "while", "cost", "stays", "small",
            "policy", "allows", "it", "here", "we", "see", "how", "tokens", "flow", "through", "system", "today",
        ],
        " ", ".", Capitalize: true, MinSentence: 6, MaxSentence: 14);

    public static readonly Lexicon LatinReasoning = new(
        [
            "let", "me", "think", "about", "the", "question", "first", "consider", "which", "means", "so", "then",
            "check", "whether", "answer", "should", "mention", "also", "maybe", "user", "wants", "step", "next",
            "wait", "actually", "that", "works", "if", "we", "assume", "case", "right", "now", "verify", "again",
        ],
        " ", ".", Capitalize: true, MinSentence: 5, MaxSentence: 12);

    public static readonly Lexicon Cjk = new(
        [
            "的", "一", "是", "在", "不", "了", "有", "和", "人", "这", "中", "大", "为", "上", "个", "我",
            "以", "要", "时", "来", "用", "们", "生", "到", "作", "地", "于", "出", "就", "分", "对", "成",
            "会", "可", "主", "发", "年", "动", "同", "工", "也", "能", "下", "过", "说", "产", "种", "面",
        ],
        "", "。", Capitalize: false, MinSentence: 8, MaxSentence: 20);
}
