using Platform.Pii.Text;

namespace Platform.Pii.Locale;

/// <summary>
/// BCP 47 locale of a prompt from its own text: script counts decide CJK vs Latin, distinguishing characters
/// decide Simplified/Traditional/Cantonese, stop words decide among Latin-script languages. Code blocks and
/// inline code are ignored; Accept-Language only breaks ties. The counts are gathered as <see cref="LocaleEvidence"/>
/// during the cue pass's walk over the prompt; this class holds the tables they are read with and the decision.
/// </summary>
internal static class LocaleDetector
{
    // Characters whose form differs between Simplified and Traditional Chinese (frequent ones only).
    private const string Simplified = "这说们个为会与国时来学对开关点还请让医证号单买卖电话东车长门问间题经过后从见帮写读钱银账户发现应该让给没样产业务实际数据当变认识岁儿记录码脑机线网页设计费预约诊断药疗养险税务标准简历职员资格";
    private const string Traditional = "這說們個為會與國時來學對開關點還請讓醫證號單買賣電話東車長門問間題經過後從見幫寫讀錢銀帳戶發現應該讓給沒樣產業務實際數據當變認識歲兒記錄碼腦機線網頁設計費預約診斷藥療養險稅務標準簡歷職員資格";

    // Written Cantonese particles and verbs.
    private const string Cantonese = "係嘅咗唔喺佢冇啲咁嗰乜嘢俾哋睇諗啱搵吖嚟㗎囉喇咪揸攞嚿咩噉喎啩嘞";

    private static readonly Dictionary<string, string[]> StopWordLists = new()
    {
        ["en"] = ["the", "and", "is", "to", "of", "my", "for", "with", "what", "how", "this", "it", "in", "write", "please", "should", "can", "i", "you", "that", "are", "do", "me", "from", "our"],
        ["es"] = ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "mi", "por", "para", "con", "es", "se", "del", "al", "cómo", "qué", "lleva", "tengo", "soy", "me", "hola", "llamo", "nombre", "gracias", "necesito", "quiero", "ayuda", "estoy", "buenos", "buenas"],
        ["de"] = ["der", "die", "das", "und", "ist", "ich", "mit", "für", "nicht", "ein", "eine", "zu", "auf", "wie", "bitte", "mein", "meine", "den", "dem", "von", "wird", "schreib", "unser", "unsere", "bei", "hallo", "heiße", "danke"],
        ["fr"] = ["le", "la", "les", "de", "des", "et", "est", "je", "un", "une", "pour", "mon", "ma", "mes", "du", "que", "qui", "pas", "en", "avec", "dans", "au", "comment", "suis", "notre", "rédige", "bonjour", "appelle", "merci"],
        ["id"] = ["saya", "yang", "dan", "untuk", "dengan", "tidak", "bagaimana", "apa", "ini", "itu", "ke", "di", "buatkan", "tolong", "sudah", "kenapa", "nomor", "bisa", "mau", "kartu", "rekening", "anak", "tahun", "berapa", "dari", "ada", "apakah", "bantu", "sopan", "perbedaan"],
        ["ms"] = ["saya", "yang", "dan", "untuk", "dengan", "tak", "nak", "macam", "mana", "ini", "itu", "ke", "di", "tolong", "boleh", "kepada", "akaun", "bayaran", "mesej", "hantar", "betul", "majikan", "cukai", "syarikat", "anda", "sahaja", "kerana", "kira", "tulis", "buat", "lepas", "pun"],
        ["vi"] = ["tôi", "của", "và", "có", "không", "cho", "là", "một", "những", "được", "với", "viết", "giúp", "này", "khi", "đã", "bị"],
    };

    // Words typical of one of the two closely related Malay standards.
    private static readonly string[] MalayOnly = ["tak", "nak", "macam", "boleh", "akaun", "bayaran", "mesej", "hantar", "betul", "majikan", "cukai", "syarikat", "kerana", "sahaja", "kira", "lepas", "pun", "kesatuan", "sekerja", "penghidap", "jemputan", "talian", "kad", "sewa", "semak", "borang", "ringkas", "caruman", "bergaji", "sediakan", "kandungan", "melayu", "strok", "kemalangan", "tuntutan", "pelanggan", "resit", "sebelum", "jadual", "ulang", "kaji", "pekerja", "juruteknik", "pengesahan", "sejak", "kurier"];
    private static readonly string[] IndonesianOnly = ["tidak", "bagaimana", "sudah", "kenapa", "nomor", "bisa", "mau", "kartu", "rekening", "sangat", "sekali", "saja", "buatkan", "perbedaan", "karyawan", "gaji", "pesan", "lewat", "berapa", "belum", "menikah", "gejala", "paling", "lambat", "sopan", "tegas", "penjual", "minta", "wajar", "menolak", "kesulitan", "membaca", "latihan", "selama", "lahir", "tujuan", "perusahaan", "penderita", "pakai", "naik", "siapkan", "kuasa", "adik", "alamat"];

    private static readonly string[] Languages = ["en", "es", "de", "fr", "id", "ms", "vi"];
    private const int MalayOnlyBit = 7;
    public const int MaxStopWordLength = 12;
    private const int IndonesianOnlyBit = 8;

    /// <summary>Scores kept per language, plus the Malay-only and Indonesian-only markers.</summary>
    public const int ScoreSlots = IndonesianOnlyBit + 1;

    // Hash of the lower-cased word → bit set of the languages (and Malay/Indonesian-only markers) it signals.
    // A 64-bit FNV hash computed while the word is read keeps the lookup allocation-free and cheap.
    public static readonly Dictionary<ulong, int> WordSignals = BuildSignals();

    // One bit per hash bucket of the stop words: most words of a prompt are not stop words, and a bit test rejects
    // them before the dictionary is probed.
    public const int SignalFilterWords = 64;
    public static readonly ulong[] SignalFilter = BuildSignalFilter();

    private static ulong[] BuildSignalFilter()
    {
        var filter = new ulong[SignalFilterWords];
        foreach (var hash in WordSignals.Keys)
        {
            filter[(hash >> 6) & (SignalFilterWords - 1)] |= 1UL << (int)(hash & 63);
        }
        return filter;
    }

    private static Dictionary<ulong, int> BuildSignals()
    {
        var signals = new Dictionary<ulong, int>();
        void Mark(IEnumerable<string> words, int bit)
        {
            foreach (var w in words)
            {
                var hash = WordHash.Of(w);
                signals[hash] = signals.GetValueOrDefault(hash) | (1 << bit);
            }
        }
        for (var l = 0; l < Languages.Length; l++)
        {
            Mark(StopWordLists[Languages[l]], l);
        }
        Mark(MalayOnly, MalayOnlyBit);
        Mark(IndonesianOnly, IndonesianOnlyBit);
        return signals;
    }

    public const byte SimplifiedMark = 1;
    public const byte TraditionalMark = 2;
    public const byte CantoneseMark = 4;
    public static readonly byte[] HanMarks = BuildHanMarks();

    // Script class of every UTF-16 unit (low 3 bits), whether it is a Vietnamese-only letter (bit 3) and which
    // Latin-script language only writes it (bits 4-7, language index + 1), so the walk (LocaleEvidence) does one table load per character.
    public const byte OtherChar = 0, HanChar = 1, KanaChar = 2, HangulChar = 3, WordLetterChar = 4, BacktickChar = 5;
    public const byte ScriptMask = 7;
    public const byte VietnameseFlag = 8;
    public const int OrthographyShift = 4;
    public static readonly byte[] Script = BuildScripts();

    private static byte[] BuildScripts()
    {
        var table = new byte[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var script = c == '`' ? BacktickChar : Chars.IsHan(c) ? HanChar : Chars.IsKana(c) ? KanaChar : Chars.IsHangul(c) ? HangulChar : Chars.IsWordLetter(c) ? WordLetterChar : OtherChar;
            var flags = script == WordLetterChar ? (IsVietnameseMark(c) ? VietnameseFlag : 0) | ((OrthographyOf(c) + 1) << OrthographyShift) : 0;
            table[i] = (byte)(script | flags);
        }
        return table;
    }

    private static byte[] BuildHanMarks()
    {
        var marks = new byte[char.MaxValue + 1];
        foreach (var c in Simplified)
        {
            marks[c] |= SimplifiedMark;
        }
        foreach (var c in Traditional)
        {
            marks[c] |= TraditionalMark;
        }
        foreach (var c in Cantonese)
        {
            marks[c] |= CantoneseMark;
        }
        return marks;
    }

    public static string Decide(in LocaleEvidence e, string? acceptLanguage)
    {
        var (han, kana, hangul, simplified, traditional, cantonese) = (e.Han, e.Kana, e.Hangul, e.Simplified, e.Traditional, e.Cantonese);
        var latinCount = e.LatinWords;
        // A CJK character carries about as much as a Latin word; code-switched text goes to the larger side.
        var cjk = han + kana + hangul;
        if (cjk > 0 && cjk * 1.0 >= latinCount * 0.8)
        {
            if (hangul >= kana && hangul * 2 >= han)
            {
                return "ko";
            }
            if (kana > 0 && kana * 8 >= han)
            {
                return "ja";
            }
            if (cantonese >= 2 || (cantonese == 1 && traditional > simplified))
            {
                return "yue";
            }
            if (traditional > simplified)
            {
                return "zh-Hant";
            }
            if (simplified > traditional)
            {
                return "zh-Hans";
            }
            return Hint(acceptLanguage, ["zh-Hant", "yue"]) ?? "zh-Hans";
        }
        if (e.VietnameseMarks >= 2)
        {
            return "vi";
        }
        return LatinLanguage(e.Scores, acceptLanguage);
    }

    private static string LatinLanguage(ReadOnlySpan<int> scores, string? acceptLanguage)
    {
        var best = "en";
        var bestScore = 0;
        for (var l = 0; l < Languages.Length; l++)
        {
            if (scores[l] > bestScore || (scores[l] == bestScore && bestScore > 0 && Hint(acceptLanguage, [Languages[l]]) is not null))
            {
                best = Languages[l];
                bestScore = scores[l];
            }
        }
        if (best is "id" or "ms")
        {
            var malay = scores[MalayOnlyBit];
            var indonesian = scores[IndonesianOnlyBit];
            best = malay > indonesian ? "ms" : indonesian > malay ? "id" : Hint(acceptLanguage, ["ms"]) ?? "id";
        }
        return bestScore == 0 ? Hint(acceptLanguage, ["es", "de", "fr", "id", "ms", "vi"]) ?? "en" : best;
    }

    // Returns the first candidate that the Accept-Language header names.
    private static string? Hint(string? acceptLanguage, ReadOnlySpan<string> candidates)
    {
        if (string.IsNullOrEmpty(acceptLanguage))
        {
            return null;
        }
        foreach (var candidate in candidates)
        {
            if (acceptLanguage.Contains(candidate, StringComparison.OrdinalIgnoreCase)
                || (candidate == "zh-Hant" && (acceptLanguage.Contains("zh-TW", StringComparison.OrdinalIgnoreCase) || acceptLanguage.Contains("zh-HK", StringComparison.OrdinalIgnoreCase))))
            {
                return candidate;
            }
        }
        return null;
    }

    // A letter only one of the supported Latin-script languages writes counts like one of its function words:
    // "photosynthèse" and "simplement" are French even where short words ("la", "explique") are shared with Spanish.
    private static int OrthographyOf(char c) => char.ToLowerInvariant(c) switch
    {
        'ñ' or '¿' or '¡' or 'í' or 'ó' or 'ú' or 'á' => 1, // es
        'ß' or 'ä' or 'ö' => 2, // de
        'è' or 'ç' or 'œ' or 'ë' or 'ï' or 'î' or 'û' or 'ù' => 3, // fr
        _ => -1,
    };

    // Letters that only Vietnamese uses among the supported Latin-script languages.
    private static bool IsVietnameseMark(char c) => c is 'đ' or 'Đ' or 'ư' or 'Ư' or 'ơ' or 'Ơ' or 'ă' or 'Ă' || c is >= '\u1EA0' and <= '\u1EF9';
}
