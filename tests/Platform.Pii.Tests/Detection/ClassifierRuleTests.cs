namespace Platform.Pii.Tests.Detection;

/// <summary>The README's rules for what is and is not personal data, one rule per test.</summary>
public sealed class ClassifierRuleTests
{
    [Fact]
    public void PrcId_ValidChecksumDateAndRegion_IsReported() =>
        Types("身份证号11010519491231002X").ShouldBe(["prc_id"]);

    [Fact]
    public void PrcId_GroupedWithCheckCharacterX_IsReportedWhole() =>
        TestData.Find("证件号 110105 19491231 002X 已核对").ShouldHaveSingleItem().Value.ShouldBe("110105 19491231 002X");

    [Fact]
    public void HkId_SpaceBeforeBracketedCheckDigit_IsReported() =>
        TestData.Find("HKID A123456 (3) please").ShouldHaveSingleItem().Value.ShouldBe("A123456 (3)");

    [Fact]
    public void IpAddress_WithPortTiedToUser_IsReportedWithoutThePort() =>
        TestData.Find("login_ok uid=7 from 93.133.90.239:51234").ShouldHaveSingleItem().Value.ShouldBe("93.133.90.239");

    [Fact]
    public void PrcId_WrongCheckCharacter_IsNotReported() =>
        Types("身份证号110105194912310022").ShouldBeEmpty();

    [Fact]
    public void PrcId_NonExistentCounty_IsNotReported() =>
        Types("身份证号 990101197404097690 校验").ShouldBeEmpty();

    [Fact]
    public void CreditCard_LuhnInvalid_IsNotReported() =>
        Types("card 4926807684502318 rejected").ShouldBeEmpty();

    [Fact]
    public void CreditCard_LuhnValidVisaGrouped_IsReported() =>
        Types("my card 4111 1111 1111 1111 was charged").ShouldBe(["credit_card"]);

    [Fact]
    public void OrderNumber_LuhnValidWithOrderCue_IsNotReported() =>
        Types("订单号 4111111111111111 被拦截").ShouldBeEmpty();

    [Fact]
    public void MaskedCard_IsNotReported() =>
        Types("您尾号 6217 **** **** 3390 的储蓄卡").ShouldBeEmpty();

    [Theory]
    [InlineData("客服热线 400-820-6617 一直占线")]
    [InlineData("Die Hotline 0800 330 1172 ist besetzt")]
    [InlineData("カスタマーセンター（0120-374-912）")]
    [InlineData("Call 1800 222 8080 to cancel")]
    public void BusinessHotline_IsNotReported(string text) => Types(text).ShouldBeEmpty();

    [Theory]
    [InlineData("联系电话 138-1234-5678", "cn_mobile")]
    [InlineData("手機 +852 9754 0471", "hk_phone")]
    [InlineData("手機 0925-994-524", "tw_phone")]
    [InlineData("handphone 8814 1627", "sg_phone")]
    [InlineData("mobile +44 7728 909673", "phone")]
    public void Phone_NumberPlanValid_IsReportedWithItsRegionType(string text, string type) => Types(text).ShouldBe([type]);

    [Theory]
    [InlineData("hr@hengda-tech.cn")]
    [InlineData("support@shop.com")]
    [InlineData("jdoe@example.com")]
    [InlineData("a.person@corp.test")]
    public void Email_RoleMailboxOrDocumentationDomain_IsNotReported(string email) => Types($"write to {email} today").ShouldBeEmpty();

    [Fact]
    public void Email_PersonalMailbox_IsReported() => Types("reach me at wang.lei.88@gmail.com").ShouldBe(["email"]);

    [Theory]
    [InlineData("my home IP is 10.20.0.5")]
    [InlineData("my home IP is 192.168.1.4")]
    [InlineData("my home IP is 203.0.113.7")]
    [InlineData("my home IP is 2001:db8::1")]
    public void IpAddress_PrivateOrDocumentationRange_IsNotReported(string text) => Types(text).ShouldBeEmpty();

    [Fact]
    public void IpAddress_GlobalAndTiedToUser_IsReported() => Types("my home router's IP is 93.133.90.239").ShouldBe(["ip_address"]);

    [Fact]
    public void IpAddress_BareInFirewallRule_IsNotReported() => Types("allow 443 from 93.133.90.239 on eth0").ShouldBeEmpty();

    [Fact]
    public void Uscc_IndividualBusiness_IsReported() => Types("执照号 92120101MANTJB5L2K").ShouldBe(["uscc"]);

    [Fact]
    public void PlaceholderName_IsNotReported() => Types("乙方：张三，身份证号：____").ShouldBeEmpty();

    [Fact]
    public void Health_FirstPersonDisclosure_IsSensitive() => Types("我确诊中度抑郁半年了，在吃舍曲林").ShouldContain("health");

    [Fact]
    public void Health_GenericQuestion_IsNotReported() => Types("What are the side effects of metformin in general?").ShouldBeEmpty();

    [Theory]
    [InlineData("我们医院去年确诊糖尿病的患者有 300 人，帮我写年报。")]
    [InlineData("Our clinic treated 340 asthma patients last year; draft a memo.")]
    public void Health_WeSpeakingForAGroup_IsNotReported(string text) => Types(text).ShouldBeEmpty();

    [Fact]
    public void Health_GenericHandoutWrittenInFirstPerson_IsNotReported() =>
        Types("I'm preparing a handout on metformin side effects for our nurses.").ShouldBeEmpty();

    [Fact]
    public void Minor_ChineseNumeralAgeOfChild_IsReported() => Types("我女儿五岁了，最近总咳嗽").ShouldContain("minor");

    [Fact]
    public void Address_StreetWordWithoutHouseNumber_IsNotReported() => Types("Block traffic from the office in the nginx config.").ShouldBeEmpty();

    [Fact]
    public void Minor_AgeOfIdentifiedChild_IsReported() => Types("My son Ethan is 7 years old and loves maths.").ShouldBe(["person_name", "minor"], ignoreOrder: true);

    [Fact]
    public void Minor_ChildAged14OrOlder_GetsNoMinorTag() => Types("My son Ethan is 15 years old.").ShouldNotContain("minor");

    [Fact]
    public void Coordinates_PersonsCurrentPosition_IsPreciseLocation() => Types("我现在在 22.54312, 113.94587，帮我找便利店").ShouldBe(["precise_location"]);

    [Fact]
    public void Coordinates_Landmark_IsNotReported() => Types("从外滩（31.2400, 121.4900）到迪士尼怎么走").ShouldBeEmpty();

    [Fact]
    public void Iban_Mod97Broken_IsNotReported() => Types("IBAN DE98 4306 0967 7709 6080 03 rejected").ShouldBeEmpty();

    [Fact]
    public void Locale_AcceptLanguage_BreaksOnlyTies()
    {
        TestData.Classifier.Scan("Hallo, ich bin hier und die Rechnung ist falsch", "fr-FR").Locale.ShouldBe("de");
        TestData.Classifier.Scan("12345", "zh-TW").Locale.ShouldBe("en");
    }

    [Theory]
    [InlineData("这个订单为什么还没发货？", "zh-Hans")]
    [InlineData("這個訂單為什麼還沒出貨？", "zh-Hant")]
    [InlineData("呢張單點解仲未寄出？係咪有問題", "yue")]
    [InlineData("注文した商品がまだ届きません。", "ja")]
    [InlineData("주문한 상품이 아직 안 왔어요.", "ko")]
    [InlineData("Đơn hàng của tôi vẫn chưa được giao.", "vi")]
    public void Locale_Script_DecidesCjkAndVietnamese(string text, string locale) => TestData.Classifier.Scan(text).Locale.ShouldBe(locale);

    private static string[] Types(string text) => [.. TestData.Find(text).Select(f => f.Type)];
}
