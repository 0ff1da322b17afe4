namespace Platform.Pii.Phones;

/// <summary>Which countries a nationally-written number most likely belongs to, given the prompt's language.</summary>
internal static class RegionPreference
{
    public static string[] For(string locale) => locale switch
    {
        "zh-Hans" => ["CN", "SG", "MY"],
        "zh-Hant" => ["TW", "HK", "CN"],
        "yue" => ["HK", "CN"],
        "ms" => ["MY", "SG"],
        "id" => ["ID"],
        "vi" => ["VN"],
        "es" => ["ES"],
        "de" => ["DE"],
        "fr" => ["FR"],
        "ja" => ["JP"],
        "ko" => ["KR"],
        _ => ["SG", "GB", "US", "HK", "MY", "CN"],
    };
}
