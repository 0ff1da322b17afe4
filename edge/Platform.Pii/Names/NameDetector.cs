using System.Buffers;
using Platform.Pii.Text;

namespace Platform.Pii.Names;

/// <summary>
/// Person names from context, never from a bare word list: after a cue (申请人, 姓名, Tenant:, Herr, my son …),
/// before an honorific (さん, 님), as a delimited field next to other personal data on the same line
/// (<c>User("邱俊杰", "4403…")</c>, <c>袁志强/156…</c>), or as capitalised words next to a finding or matching an e-mail's local part.
/// Placeholders (张三, John Doe) and public or fictional figures are skipped.
/// </summary>
internal sealed class NameDetector(NameLexicon lexicon)
{
    // Chars that end a Chinese given name: particles, verbs and words that typically follow a name in a sentence.
    private const string HanStops = "的了是在和与與及同跟给給今刚剛已也都就还還把被喺係嘅住去来來到从從对對于為为曾将將会會才又再很先后後近最年月日岁歲个個说說让讓要想有没沒申交买買办辦用找让这這那等及或呢吗嗎吧啊呀啦着著過过上下中内內外身手电電工出入号號人员員";
    private const int MaxLatinWords = 5;
    private static readonly SearchValues<char> SentenceBreaks = SearchValues.Create(".!?:\n。：");
    private const int AdjacencyWindow = 40;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LatinParticles = new HashSet<string>(StringComparer.Ordinal)
    {
        "bin", "binti", "binte", "bte", "bt", "a/l", "a/p", "de", "del", "della", "van", "von", "der", "den", "da", "dos", "di", "du", "le", "la", "ter", "al", "el", "y", "ap",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    // Capitalised words that start sentences, labels and organisations rather than names.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "And", "Or", "Please", "Dear", "Hi", "Hello", "Thanks", "Thank", "Name", "Full", "Address", "Email", "E-mail", "Mobile", "Phone", "Tel",
        "Contact", "Passport", "NRIC", "FIN", "HKID", "IC", "ID", "DOB", "Date", "Birth", "Staff", "Employee", "Customer", "Service", "Support", "Bank", "Account",
        "Card", "Credit", "Debit", "Order", "Number", "No", "Street", "Road", "Avenue", "Flat", "Blk", "Block", "Tower", "Unit", "Singapore", "Hong", "Kong", "Malaysia",
        "Indonesia", "Vietnam", "China", "Taiwan", "Japan", "Korea", "London", "Paris", "Berlin", "Madrid", "Tokyo", "Seoul", "Jakarta", "Hanoi", "Mr", "Mrs", "Ms", "Dr",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Herr", "Frau", "Monsieur", "Madame", "My", "Our", "Your", "His", "Her", "Their", "This", "That", "IBAN", "SWIFT", "BIC", "HR", "CV",
        "Tenant", "Landlord", "Applicant", "Passenger", "Patient", "Policyholder", "Insured", "Recipient", "Guest", "Mailbox", "Ltd", "Inc", "GmbH", "Pte", "Sdn", "Bhd",
        "Die", "Der", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Mein", "Meine", "Unser", "Unsere", "Ich", "Wir", "Sie", "Er", "Es", "Bitte", "Le", "Les", "Un",
        "Une", "Mon", "Ma", "Mes", "Notre", "El", "Los", "Las", "Mi", "Mis", "Nuestro", "Nuestra", "Su", "Saya", "Kami", "Tôi", "Anh", "Chị", "Em", "Ini", "Itu",
        "University", "Hospital", "Clinic", "Company", "Team", "Dept", "Department", "Ministry", "Airlines", "Airport", "Hotel", "Station", "MRT", "CPF", "API", "SQL",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Detect(ScanContext ctx)
    {
        // Cue-driven readers first, then the structural ones, which only ever add to prompts already carrying other PII.
        var existing = ctx.Findings.Count;
        foreach (var hit in ctx.Cues)
        {
            if ((hit.Kinds & CueKind.Honorific) != 0)
            {
                ReadBefore(ctx, hit.Start);
            }
            else if ((hit.Kinds & (CueKind.NameCue | CueKind.ChildCue)) != 0)
            {
                ReadAfter(ctx, hit.End, child: (hit.Kinds & CueKind.ChildCue) != 0, title: (hit.Kinds & CueKind.Title) != 0);
            }
        }
        if (ctx.Locale == "ko")
        {
            KoreanSelfIntroductions(ctx);
        }
        if (existing > 0 || ctx.Findings.Count > 0)
        {
            DelimitedCjkFields(ctx);
            LatinNearFindings(ctx);
        }
    }

    private void ReadAfter(ScanContext ctx, int from, bool child, bool title)
    {
        var text = ctx.Text;
        var i = SkipFillers(text, from);
        if (i >= text.Length)
        {
            return;
        }
        var c = text[i];
        if (Chars.IsHan(c))
        {
            AddHan(ctx, i, child);
        }
        else if (Chars.IsHangul(c))
        {
            AddHangul(ctx, i, child);
        }
        else if (Chars.IsKana(c))
        {
            AddKana(ctx, i, child);
        }
        else if (char.IsUpper(c))
        {
            var end = ReadLatinName(text, i, out var words);
            if (words >= (child || title ? 1 : 2) && !OnlyCommonWords(text.AsSpan(i, end - i)))
            {
                AddChecked(ctx, i, end - i);
            }
        }
    }

    // "I'm Not Sure", "I Am Very Tired Today": every word an everyday word, so a Title-Cased phrase rather than a name.
    private bool OnlyCommonWords(ReadOnlySpan<char> run)
    {
        foreach (var range in run.Split(' '))
        {
            if (!lexicon.Common.Contains(run[range]))
            {
                return false;
            }
        }
        return true;
    }

    // Spaces, colons and a few short connecting words may sit between a cue and the name ("bên bán là", "con gái tôi tên").
    private static int SkipFillers(string text, int i)
    {
        var skippedWords = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or ':' or '：' or '=' or '"' or '\'' or '“' or '「' or '\u00A0' or '（' or '(' or ',' or 'の')
            {
                i++;
                continue;
            }
            if (c is '是' or '叫' or '为' or '為' or '係' or '改' or '成' && skippedWords < 2)
            {
                i++;
                skippedWords++;
                continue;
            }
            if (char.IsLower(c) && skippedWords < 2)
            {
                var end = i;
                while (end < text.Length && Chars.IsWordLetter(text[end]))
                {
                    end++;
                }
                if (end - i <= 5 && end < text.Length && text[end] is ' ' or ',')
                {
                    i = end;
                    skippedWords++;
                    continue;
                }
            }
            break;
        }
        return i;
    }

    private void AddHan(ScanContext ctx, int i, bool child)
    {
        var text = ctx.Text;
        var runEnd = i;
        while (runEnd < text.Length && Chars.IsHan(text[runEnd]) && runEnd - i < 6)
        {
            runEnd++;
        }
        var run = text.AsSpan(i, runEnd - i);
        if (child)
        {
            // Children go by given names or nicknames (乐乐, 浩朗): the first two characters.
            if (run.Length >= 2 && !HanStops.Contains(run[0]) && !HanStops.Contains(run[1]))
            {
                AddChecked(ctx, i, 2);
            }
            return;
        }
        var length = HanNameLength(run);
        if (length > 0)
        {
            AddChecked(ctx, i, length);
        }
    }

    // Surname (Japanese 1–3 chars, Chinese 1–2) plus one or two given-name chars; a following stop char ends the name early.
    private int HanNameLength(ReadOnlySpan<char> run)
    {
        var japanese = lexicon.JapaneseSurnameLength(run);
        var surname = japanese > 1 ? japanese : lexicon.ChineseSurnameLength(run);
        if (surname == 0 || run.Length < surname + 1)
        {
            return 0;
        }
        var length = surname;
        while (length < run.Length && length < surname + 2 && !HanStops.Contains(run[length]))
        {
            length++;
        }
        return length > surname ? length : 0;
    }

    private void AddHangul(ScanContext ctx, int i, bool child)
    {
        var text = ctx.Text;
        var end = i;
        while (end < text.Length && Chars.IsHangul(text[end]))
        {
            end++;
        }
        var word = StripKoreanEnding(text.AsSpan(i, end - i));
        if (child)
        {
            // 도윤이가 → 도윤: the given name before its particles.
            if (word.Length >= 2)
            {
                AddChecked(ctx, i, 2);
            }
            return;
        }
        var length = KoreanNameLength(word);
        if (length > 0)
        {
            AddChecked(ctx, i, length);
        }
    }

    // Copulas and particles written onto a name after a cue: 김민준입니다, 박서연이라고, 이지은인데요, 최유진씨.
    private static readonly string[] KoreanEndings = ["입니다", "이라고", "라고", "인데요", "이에요", "예요", "이고", "이며", "씨", "님", "은", "는", "이", "가", "을", "를", "의", "도"];

    private static ReadOnlySpan<char> StripKoreanEnding(ReadOnlySpan<char> word)
    {
        foreach (var ending in KoreanEndings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }
        return word;
    }

    // "박서연이라고 합니다", "이지은이라고 해요": "I am called …" names the speaker with no cue word before the name.
    private static readonly string[] KoreanCalled = ["라고 합니다", "라고 해요", "라고 하는데요"];

    // "안녕하세요, 김지훈입니다": right after a greeting, a full name with the copula is the speaker introducing themself.
    // Elsewhere "…입니다" ends any sentence ("한국어입니다"), so the copula counts only there.
    private const string KoreanCopula = "입니다";
    private static readonly string[] KoreanGreetings = ["안녕하세요", "안녕하십니까", "처음 뵙겠습니다", "반갑습니다"];

    private void KoreanSelfIntroductions(ScanContext ctx)
    {
        var text = ctx.Text;
        foreach (var called in KoreanCalled)
        {
            for (var at = text.IndexOf(called, StringComparison.Ordinal); at >= 0; at = text.IndexOf(called, at + called.Length, StringComparison.Ordinal))
            {
                AddKoreanFullNameBefore(ctx, at > 0 && text[at - 1] == '이' ? at - 1 : at);
            }
        }
        for (var at = text.IndexOf(KoreanCopula, StringComparison.Ordinal); at >= 0; at = text.IndexOf(KoreanCopula, at + KoreanCopula.Length, StringComparison.Ordinal))
        {
            if (AfterGreeting(text, at - 3))
            {
                AddKoreanFullNameBefore(ctx, at);
            }
        }
    }

    // Full names only (three syllables, a family name first) and only as a word of their own.
    private void AddKoreanFullNameBefore(ScanContext ctx, int end)
    {
        var text = ctx.Text;
        var start = end;
        while (start > 0 && Chars.IsHangul(text[start - 1]) && end - start < 4)
        {
            start--;
        }
        if (end - start == 3 && (start == 0 || !Chars.IsHangul(text[start - 1])) && KoreanNameLength(text.AsSpan(start, 3)) == 3)
        {
            AddChecked(ctx, start, 3);
        }
    }

    private static bool AfterGreeting(string text, int pos)
    {
        if (pos <= 0)
        {
            return false;
        }
        var before = text.AsSpan(0, pos).TrimEnd(" ,.!~\u00A0");
        foreach (var greeting in KoreanGreetings)
        {
            if (before.EndsWith(greeting, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private int KoreanNameLength(ReadOnlySpan<char> word)
    {
        // Korean full names are (almost always) three syllables or more; two-syllable words are mostly nouns.
        if (word.Length is < 3 or > 5)
        {
            return 0;
        }
        var lookup = lexicon.Korean;
        var surname = word.Length >= 3 && lookup.Contains(word[..2]) ? 2 : lookup.Contains(word[..1]) ? 1 : 0;
        if (surname == 0)
        {
            return 0;
        }
        // A trailing particle (이, 가, 은, 는, 의 …) is not part of the name.
        var length = Math.Min(word.Length, surname + 2);
        return length;
    }

    // "ヤマモト ユウキ" after 名義, or a child's name in kana ("娘のひなた").
    private static void AddKana(ScanContext ctx, int i, bool child)
    {
        var text = ctx.Text;
        var end = i;
        while (end < text.Length && (Chars.IsKana(text[end]) || (text[end] is ' ' or '\u3000' && end + 1 < text.Length && Chars.IsKana(text[end + 1]))))
        {
            end++;
        }
        if (end - i >= (child ? 2 : 3))
        {
            ctx.Add(PiiTypes.PersonName, i, end - i);
        }
    }

    // "中村彩花さん", "王子涵さん", "김민준 님": the name ends where the honorific starts.
    private void ReadBefore(ScanContext ctx, int honorific)
    {
        var text = ctx.Text;
        var end = honorific;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }
        var start = end;
        if (start > 0 && Chars.IsHangul(text[start - 1]))
        {
            while (start > 0 && Chars.IsHangul(text[start - 1]) && end - start < 4)
            {
                start--;
            }
            var length = KoreanNameLength(text.AsSpan(start, end - start));
            if (length == end - start)
            {
                AddChecked(ctx, start, length);
            }
            return;
        }
        while (start > 0 && Chars.IsHan(text[start - 1]) && end - start < 6)
        {
            start--;
        }
        for (var j = start; j < end - 1; j++)
        {
            var candidate = text.AsSpan(j, end - j);
            var jp = lexicon.JapaneseSurnameLength(candidate);
            // Japanese given names run to three kanji (由紀子, 美奈子); Chinese full names are two or three chars.
            if ((jp > 0 && candidate.Length - jp is >= 1 and <= 3) || (lexicon.ChineseSurnameLength(candidate) > 0 && candidate.Length is 2 or 3))
            {
                AddChecked(ctx, j, end - j);
                return;
            }
        }
    }

    // A CJK name as a field on its own ("邱俊杰", 袁志强/…, | 韩晓东 |) on a line that already carries personal data.
    private void DelimitedCjkFields(ScanContext ctx)
    {
        var text = ctx.Text;
        var i = 0;
        while (i < text.Length)
        {
            // Hangul jamo (U+1100) up to CJK compatibility ideographs (U+FAFF) hold every Han and Hangul letter: a
            // vectorised range search skips Latin text and code without looking at each character.
            var k = text.AsSpan(i).IndexOfAnyInRange('\u1100', '\uFAFF');
            if (k < 0)
            {
                return;
            }
            i += k;
            var c = text[i];
            if (!Chars.IsHan(c) && !Chars.IsHangul(c))
            {
                i++;
                continue;
            }
            var start = i;
            var hangul = Chars.IsHangul(c);
            while (i < text.Length && (hangul ? Chars.IsHangul(text[i]) : Chars.IsHan(text[i])))
            {
                i++;
            }
            var length = i - start;
            if (length is < 2 or > 4 || !OpensField(text, start) || !ClosesField(text, i, hangul) || !ctx.FindingOnLine(start))
            {
                continue;
            }
            var run = text.AsSpan(start, length);
            var nameLength = hangul ? KoreanNameLength(run) : HanNameLength(run);
            if (nameLength == length)
            {
                AddChecked(ctx, start, length);
            }
        }
    }

    private static bool IsFieldDelimiter(char c) =>
        c is '\n' or '\t' or '"' or '\'' or '/' or '|' or '=' or ',' or ';' or '(' or ')' or '（' or '）' or '「' or '」' or '“' or '”' or '：' or ':' or '、' or '，' or '<' or '>' or '[' or ']';

    // The nearest non-space character before the field is a delimiter (or the text starts).
    private static bool OpensField(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }
        return i < 0 || IsFieldDelimiter(text[i]);
    }

    // After the field comes a delimiter, the end, or (for Han, in "buyer=林浩然 phone=…") a space and the next ASCII key.
    private static bool ClosesField(string text, int end, bool hangul)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        return i >= text.Length || IsFieldDelimiter(text[i]) || (!hangul && i > end && Chars.IsAsciiLetter(text[i]));
    }

    // Capitalised word runs right before a finding ("Bambang Sutrisno, +62 …", "Lim Boon Huat (NRIC …") or matching an e-mail's local part.
    private void LatinNearFindings(ScanContext ctx)
    {
        var text = ctx.Text;
        // Distinct local parts: a long prompt repeating one address compares each name with it once.
        var emails = ctx.Findings.Where(f => f.Type == PiiTypes.Email).Select(f => f.Value[..f.Value.IndexOf('@')]).Distinct().ToList();
        // Candidates for capitals, checked one by one: CJK text and lower-case ASCII never stop the scanner.
        var capitals = new CharRangeScanner(text, 'A', 'Z', Chars.FirstNonAsciiUpper, Chars.LastNonAsciiUpper);
        var i = 0;
        while (true)
        {
            i = capitals.Next(i);
            if (i < 0)
            {
                return;
            }
            if (!Chars.IsUpperWordLetter(text[i]))
            {
                i++;
                continue;
            }
            if (i > 0 && Chars.IsWordLetter(text[i - 1]))
            {
                // A capital inside a word ("TypeScript", "INSERT"): no name starts before the word ends.
                while (i < text.Length && Chars.IsWordLetter(text[i]))
                {
                    i++;
                }
                continue;
            }
            if (!AnotherWordFollows(text, ref i))
            {
                continue; // a lone capitalised word ("Since", "INFO"); the next capital is searched for from here
            }
            var end = ReadLatinName(text, i, out var words);
            if (words >= 2 && (FindingFollows(ctx, end) || MatchesEmail(text, emails, i, end)))
            {
                AddChecked(ctx, i, end - i);
            }
            i = Math.Max(end, i + 1);
        }
    }

    // A name needs a second name word: a capital whose word is not followed by a space and a capitalised word or a
    // particle ("binti", "van") cannot start one (see ReadLatinName), which rejects most capitals of prose, logs and code
    // before any word list is consulted. Moves i past the word when not.
    private static bool AnotherWordFollows(string text, ref int i)
    {
        var end = NameWordEnd(text, i);
        if (end + 1 < text.Length && text[end] == ' ' && Chars.IsWordLetter(text[end + 1])
            && (Chars.IsUpperWordLetter(text[end + 1]) || LatinParticles.Contains(text.AsSpan(end + 1, NameWordEnd(text, end + 1) - end - 1))))
        {
            return true;
        }
        i = Math.Max(end, i + 1);
        return false;
    }

    private static bool FindingFollows(ScanContext ctx, int end)
    {
        // Another name does not count: "phường Nghĩa Đô, …, người nhận Trần Minh Khoa" is an address followed by a name.
        var next = ctx.NextFindingStart(end, PiiTypes.PersonName);
        return next >= 0 && next - end <= AdjacencyWindow && ctx.Text.AsSpan(end, next - end).IndexOfAny(SentenceBreaks) < 0;
    }

    // "Marcus Lee Jun Hao" and marcus.lee.jh@…: two name words found in the local part.
    private static bool MatchesEmail(string text, List<string> emailLocalParts, int start, int end)
    {
        foreach (var local in emailLocalParts)
        {
            var matches = 0;
            var w = start;
            while (w < end)
            {
                var wEnd = w;
                while (wEnd < end && Chars.IsWordLetter(text[wEnd]))
                {
                    wEnd++;
                }
                if (wEnd - w >= 2 && local.AsSpan().Contains(text.AsSpan(w, wEnd - w), StringComparison.OrdinalIgnoreCase))
                {
                    matches++;
                }
                w = wEnd + 1;
            }
            if (matches >= 2)
            {
                return true;
            }
        }
        return false;
    }

    // Where the name word starting at i ends: letters, joined by - ' / ("Jean-Pierre", "O'Brien", "a/l").
    private static int NameWordEnd(string text, int i)
    {
        while (i < text.Length && (Chars.IsWordLetter(text[i]) || (text[i] is '-' or '\'' or '/' && i + 1 < text.Length && Chars.IsWordLetter(text[i + 1]))))
        {
            i++;
        }
        return i;
    }

    /// <summary>Reads capitalised name words (with particles such as bin, van, de); returns the end of the last name word.</summary>
    private static int ReadLatinName(string text, int i, out int words)
    {
        words = 0;
        var end = i;
        var allCaps = false;
        while (words < MaxLatinWords && i < text.Length)
        {
            var wordEnd = NameWordEnd(text, i);
            var word = text.AsSpan(i, wordEnd - i);
            if (word.Length == 0)
            {
                break;
            }
            var isParticle = words > 0 && LatinParticles.Contains(word);
            if (!isParticle)
            {
                var caps = word.Length >= 2 && !word.ContainsAnyInRange('a', 'z') && char.IsUpper(word[1]);
                if (words == 0)
                {
                    allCaps = caps;
                }
                if (!char.IsUpper(word[0]) || word.Length < 2 || caps != allCaps || NotNameWords.Contains(word))
                {
                    break;
                }
                words++;
                end = wordEnd;
            }
            if (wordEnd >= text.Length || text[wordEnd] != ' ')
            {
                break;
            }
            i = wordEnd + 1;
        }
        return end;
    }

    private void AddChecked(ScanContext ctx, int start, int length)
    {
        var name = ctx.Text.AsSpan(start, length);
        if (lexicon.IsPublic(name) || lexicon.PublicLatin.Contains(name) || ctx.CueOverlaps(start, length, CueKind.Placeholder | CueKind.Religion | CueKind.Health | CueKind.SexualOrientation | CueKind.NameCue | CueKind.PhoneCue | CueKind.NationalIdCue | CueKind.StreetWord))
        {
            return;
        }
        ctx.Add(PiiTypes.PersonName, start, length);
    }
}
