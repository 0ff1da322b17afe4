using FsCheck;
using FsCheck.Fluent;
using Platform.Pii.Identifiers;

namespace Platform.Pii.Tests.Identifiers;

/// <summary>
/// Every checksum validator against generated values: a value whose check character was computed per the standard
/// is valid; the same value with one character changed is not.
/// </summary>
public sealed class ChecksumPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly IdentifierTables Tables = new();

    [Fact]
    public void PrcId_ComputedCheckCharacter_IsValid_AndAnySingleChangeIsNot()
    {
        var gen = from region in Gen.Elements("110105", "310104", "440305", "650102", "510107", "320106")
                  from date in BirthDate(1930, 2015)
                  from seq in Digits(3)
                  let first17 = region + date + seq
                  select first17 + Reference.PrcCheck(first17);
        AssertValidThenMutated(gen, s => Tables.PrcId.IsValid(s), allPositions: true);
    }

    [Fact]
    public void PrcId_ImpossibleDateOrUnknownRegion_IsNotValidEvenWithCorrectCheck()
    {
        var gen = from region in Gen.Elements("110105", "990101", "460106")
                  from seq in Digits(3)
                  let date = region == "990101" ? "19740409" : "19640230"
                  let first17 = region + date + seq
                  select first17 + Reference.PrcCheck(first17);
        Check.One(Runs, Prop.ForAll(gen.ToArbitrary(), s => !Tables.PrcId.IsValid(s)));
    }

    [Fact]
    public void SgNric_ComputedCheckLetter_IsValid_AndAnySingleChangeIsNot()
    {
        var gen = from series in Gen.Elements('S', 'T', 'F', 'G')
                  from digits in Digits(7)
                  select $"{series}{digits}{Reference.NricCheck(series, digits)}";
        AssertValidThenMutated(gen, s => SingaporeNric.IsValid(s), allPositions: true);
    }

    [Fact]
    public void HkId_ComputedCheckDigit_IsValid_AndAnySingleChangeIsNot()
    {
        var gen = from letters in Gen.Elements("A", "D", "K", "P", "R", "V", "Z", "WX", "XA", "CA")
                  from digits in Digits(6)
                  select letters + digits + Reference.HkidCheck(letters, digits);
        // Letter values 11 apart (B/M/X) weigh the same mod 11, so only the digits are mutated.
        AssertValidThenMutated(gen, s => HongKongId.IsValid(s), allPositions: true, digitsOnly: true);
    }

    [Fact]
    public void TwId_ComputedCheckDigit_IsValid_AndAWrongCheckDigitIsNot()
    {
        // Mod-10 with weights 1–8 cannot catch every substitution, so only the check digit is mutated.
        var gen = from letter in Gen.Elements("ABCDEFGHJKLMNPQRSTUVXYWZIO".ToCharArray())
                  from sex in Gen.Elements('1', '2')
                  from digits in Digits(7)
                  let body = sex + digits
                  select $"{letter}{body}{Reference.TaiwanCheck(letter, body)}";
        AssertValidThenMutated(gen, s => TaiwanId.IsValid(s), allPositions: false);
    }

    [Fact]
    public void KrRrn_ComputedCheckDigit_IsValid_AndAWrongCheckDigitIsNot()
    {
        var gen = from date in BirthDate(1930, 1999)
                  from sex in Gen.Elements('1', '2')
                  from rest in Digits(5)
                  let first12 = date[2..] + sex + rest
                  select first12 + Reference.KoreanCheck(first12);
        AssertValidThenMutated(gen, s => KoreanRrn.IsValid(s), allPositions: false);
    }

    [Fact]
    public void EsDni_ComputedLetter_IsValid_AndAnySingleChangeIsNot()
    {
        var gen = from digits in Digits(8)
                  select digits + Reference.DniLetter(long.Parse(digits));
        AssertValidThenMutated(gen, s => SpanishId.IsValid(s), allPositions: true);
    }

    [Fact]
    public void FrNir_ComputedKey_IsValid_AndAnySingleChangeIsNot()
    {
        var gen = from sex in Gen.Elements('1', '2')
                  from yy in Digits(2)
                  from mm in Gen.Choose(1, 12)
                  from rest in Digits(8)
                  let first13 = $"{sex}{yy}{mm:00}{rest}"
                  select first13 + Reference.NirKey(first13);
        AssertValidThenMutated(gen, s => FrenchNir.IsValid(s), allPositions: true);
    }

    [Fact]
    public void Uscc_ComputedChecks_AreValid_AndAnySingleChangeIsNot()
    {
        var gen = from head in Gen.Elements("92", "91", "93")
                  from region in Gen.Elements("110105", "440305", "350100")
                  from org in Gen.Elements("MA", "MB", "M0", "L1", "JX").Zip(Digits(6), (a, b) => a + b)
                  let orgCode = org + Reference.OrgCodeCheck(org)
                  let first17 = head + region + orgCode
                  select first17 + Reference.UsccCheck(first17);
        AssertValidThenMutated(gen, s => Uscc.IsValid(s), allPositions: true);
    }

    [Fact]
    public void Card_BrandPrefixWithLuhnDigit_IsValid_AndAnySingleChangeIsNot()
    {
        var gen = from prefix in Gen.Elements("4", "51", "55", "2221", "2720", "3528", "62", "6011")
                  from body in Digits(15 - prefix.Length)
                  let payload = prefix + body
                  select payload + Reference.LuhnCheck(payload);
        AssertValidThenMutated(gen, s => PaymentCard.IsValid(s), allPositions: true);
    }

    [Fact]
    public void Iban_ComputedCheckDigitsAndNationalChecks_AreValid_AndAnySingleChangeIsNot()
    {
        var de = from blz in Digits(8) from account in Digits(10) select Reference.Iban("DE", blz + account);
        var es = from bank in Digits(4) from branch in Digits(4) from account in Digits(10) select Reference.Iban("ES", Reference.SpanishCcc(bank, branch, account));
        var fr = from bank in Digits(5) from branch in Digits(5) from account in Digits(11) select Reference.Iban("FR", Reference.FrenchRib(bank, branch, account));
        var nl = from bank in Gen.Elements("ABNA", "RABO", "INGB", "TRIO") from account in Digits(9).Select(ElevenProofAccount).Where(a => a is not null) select Reference.Iban("NL", bank + account);
        var it = from abiCab in Digits(10) from account in Digits(12) select Reference.Iban("IT", Reference.ItalianCin(abiCab + account) + abiCab + account);
        AssertValidThenMutated(Gen.OneOf(de, es, fr, nl, it), s => Tables.Iban.IsValid(s), allPositions: true);
    }

    [Fact]
    public void Iban_NationalCheckBroken_IsNotValidEvenWithCorrectMod97()
    {
        // A wrong CIN letter re-wrapped with fresh ISO check digits: only the Italian check can catch it.
        var gen = from abiCab in Digits(10)
                  from account in Digits(12)
                  let cin = Reference.ItalianCin(abiCab + account)
                  let wrong = (char)('A' + ((cin - 'A' + 1) % 26))
                  select Reference.Iban("IT", wrong + abiCab + account);
        Check.One(Runs, Prop.ForAll(gen.ToArbitrary(), s => !Tables.Iban.IsValid(s)));
    }

    private static string? ElevenProofAccount(string nine)
    {
        var sum = nine.Select((c, i) => (c - '0') * (10 - i)).Sum();
        var last = (11 - (sum % 11)) % 11;
        return last == 10 ? null : nine + last;
    }

    private static void AssertValidThenMutated(Gen<string> valid, Func<string, bool> isValid, bool allPositions, bool digitsOnly = false)
    {
        Check.One(Runs, Prop.ForAll(valid.ToArbitrary(), isValid));
        var mutated = from value in valid
                      from pos in allPositions ? Gen.Choose(0, value.Length - 1) : Gen.Constant(value.Length - 1)
                      from shift in Gen.Choose(1, 9)
                      where !digitsOnly || char.IsDigit(value[pos])
                      select Mutate(value, pos, shift);
        Check.One(Runs, Prop.ForAll(mutated.ToArbitrary(), s => !isValid(s)));
    }

    // Replace one character by another of the same kind (digit by digit, letter by letter), never by itself.
    private static string Mutate(string value, int pos, int shift)
    {
        var c = value[pos];
        var replacement = char.IsDigit(c) ? (char)('0' + ((c - '0' + shift) % 10)) : (char)('A' + ((c - 'A' + shift) % 26));
        return string.Concat(value.AsSpan(0, pos), replacement.ToString(), value.AsSpan(pos + 1));
    }

    private static Gen<string> Digits(int n) =>
        n <= 9
            ? Gen.Choose(0, (int)Math.Pow(10, n) - 1).Select(x => x.ToString(new string('0', n)))
            : from a in Digits(9) from b in Digits(n - 9) select a + b;

    private static Gen<string> BirthDate(int fromYear, int toYear) =>
        from year in Gen.Choose(fromYear, toYear)
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, DateTime.DaysInMonth(year, month))
        select $"{year:0000}{month:00}{day:00}";
}
