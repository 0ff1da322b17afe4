using Platform.Pii.Phones;
using Platform.Pii.Text;

namespace Platform.Pii.Identifiers;

/// <summary>Validators that need data tables, loaded once per classifier from the embedded data files.</summary>
internal sealed class IdentifierTables
{
    public IdentifierTables()
    {
        PrcId = new PrcResidentId(EmbeddedData.Lines("prc-regions.txt"));
        Iban = new Iban(EmbeddedData.Lines("iban-formats.txt"));
        MyNric = new MalaysianNric(EmbeddedData.Lines("my-birthplaces.txt"));
        VnCccd = new VietnamCccd(EmbeddedData.Lines("vn-provinces.txt"));
        IdNik = new IndonesianNik(EmbeddedData.Lines("id-provinces.txt"));
        Phones = new PhonePlans(EmbeddedData.Lines("phone-plans.txt"), EmbeddedData.Lines("phone-hotlines.txt"));
    }

    public PrcResidentId PrcId { get; }

    public Iban Iban { get; }

    public MalaysianNric MyNric { get; }

    public VietnamCccd VnCccd { get; }

    public IndonesianNik IdNik { get; }

    public PhonePlans Phones { get; }
}
