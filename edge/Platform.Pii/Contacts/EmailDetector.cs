using System.Buffers;
using Platform.Pii.Text;

namespace Platform.Pii.Contacts;

/// <summary>Personal e-mail addresses: found from each '@', excluding role mailboxes and documentation domains.</summary>
internal sealed class EmailDetector
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleMailboxes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hr", "billing", "service", "services", "support", "noreply", "no-reply", "donotreply", "do-not-reply", "info", "admin",
        "administrator", "contact", "sales", "help", "helpdesk", "enquiries", "enquiry", "inquiries", "office", "webmaster",
        "postmaster", "hostmaster", "careers", "jobs", "recruitment", "recruiting", "privacy", "security", "abuse", "team",
        "hello", "marketing", "press", "media", "newsletter", "notifications", "notification", "accounts", "accounting",
        "finance", "legal", "compliance", "customerservice", "customer.service", "cs", "kefu", "feedback", "mail", "root",
        "dpo", "invoice", "invoices", "payments", "payroll", "orders", "booking", "reservations", "reception", "admissions",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly string[] DocumentationDomains = ["example.com", "example.org", "example.net"];
    private static readonly string[] DocumentationSuffixes = [".example", ".test", ".invalid", ".localhost", ".local"];

    public void Detect(ScanContext ctx)
    {
        var text = ctx.Text;
        var at = text.IndexOf('@');
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && IsLocalChar(text[start - 1]))
            {
                start--;
            }
            while (start < at && text[start] == '.')
            {
                start++;
            }
            var end = at + 1;
            while (end < text.Length && (Chars.IsAsciiAlnum(text[end]) || text[end] is '-' || (text[end] == '.' && end + 1 < text.Length && Chars.IsAsciiAlnum(text[end + 1]))))
            {
                end++;
            }
            var local = text.AsSpan(start, at - start);
            var domain = text.AsSpan(at + 1, end - at - 1);
            if (local.Length > 0 && domain.Contains('.') && IsPersonal(local, domain))
            {
                ctx.Add(PiiTypes.Email, start, end - start);
            }
            at = text.IndexOf('@', Math.Max(end, at + 1));
        }
    }

    private static bool IsLocalChar(char c) => Chars.IsAsciiAlnum(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsPersonal(ReadOnlySpan<char> local, ReadOnlySpan<char> domain)
    {
        if (RoleMailboxes.Contains(local))
        {
            return false;
        }
        foreach (var d in DocumentationDomains)
        {
            if (domain.EndsWith(d, StringComparison.OrdinalIgnoreCase) && (domain.Length == d.Length || domain[^(d.Length + 1)] == '.'))
            {
                return false;
            }
        }
        foreach (var suffix in DocumentationSuffixes)
        {
            if (domain.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        // A TLD is letters only; "app@1.2.3" is a version pin, not a mailbox.
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        return tld.Length >= 2 && !tld.ContainsAnyExcept(AsciiLetters);
    }
}
