namespace Platform.Pii;

/// <summary>The type vocabulary of the shared PII data set (see shared/pii/README.md).</summary>
internal static class PiiTypes
{
    public const string PersonName = "person_name";
    public const string Address = "address";
    public const string CnMobile = "cn_mobile";
    public const string HkPhone = "hk_phone";
    public const string TwPhone = "tw_phone";
    public const string SgPhone = "sg_phone";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string PrcId = "prc_id";
    public const string SgNric = "sg_nric";
    public const string HkId = "hk_id";
    public const string TwId = "tw_id";
    public const string KrRrn = "kr_rrn";
    public const string EsDni = "es_dni";
    public const string FrNir = "fr_nir";
    public const string MyNric = "my_nric";
    public const string VnCccd = "vn_cccd";
    public const string IdNik = "id_nik";
    public const string Passport = "passport";
    public const string IpAddress = "ip_address";
    public const string Uscc = "uscc";
    public const string ImHandle = "im_handle";
    public const string DateOfBirth = "date_of_birth";
    public const string EmployeeId = "employee_id";
    public const string Health = "health";
    public const string Religion = "religion";
    public const string Biometric = "biometric";
    public const string Genetic = "genetic";
    public const string SexualOrientation = "sexual_orientation";
    public const string TradeUnion = "trade_union";
    public const string Minor = "minor";
    public const string PreciseLocation = "precise_location";
    public const string CreditCard = "credit_card";
    public const string BankAccountCn = "bank_account_cn";
    public const string BankAccount = "bank_account";
    public const string Iban = "iban";
}
