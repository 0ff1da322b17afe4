namespace Platform.Pii.Phones;

/// <summary>A number that fits a region's plan; <see cref="Hotline"/> marks corporate service numbers.</summary>
internal readonly record struct PhoneMatch(string Region, bool Mobile, bool Hotline)
{
    public string PiiType => Region switch
    {
        "CN" => PiiTypes.CnMobile,
        "HK" => PiiTypes.HkPhone,
        "TW" => PiiTypes.TwPhone,
        "SG" => PiiTypes.SgPhone,
        _ => PiiTypes.Phone,
    };
}
