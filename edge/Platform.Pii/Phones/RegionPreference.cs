namespace Platform.Pii.Phones;

/// <summary>Which countries a nationally-written number most likely belongs to, given the prompt's language.</summary>
internal static class RegionPreference
{
    private static readonly Dictionary<string, string[]> ByLocale = new()
    {
        ["zh-Hans"] = ["CN", "SG", "MY"],
        ["zh-Hant"] = ["TW", "HK", "CN"],
        ["yue"] = ["HK", "CN"],
        ["ms"] = ["MY", "SG"],
        ["id"] = ["ID"],
        ["vi"] = ["VN"],
        ["es"] = ["ES"],
        ["de"] = ["DE"],
        ["fr"] = ["FR"],
        ["ja"] = ["JP"],
        ["ko"] = ["KR"],
    };

    private static readonly string[] English = ["SG", "GB", "US", "HK", "MY", "CN"];

    public static string[] For(string locale) => ByLocale.GetValueOrDefault(locale, English);
}
