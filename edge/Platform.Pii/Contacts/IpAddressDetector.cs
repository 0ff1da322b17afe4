using System.Net;
using System.Net.Sockets;
using Platform.Pii.Text;

namespace Platform.Pii.Contacts;

/// <summary>
/// Global-unicast IPv4/IPv6 addresses that the text ties to a user (login line, "my home IP" …).
/// Private, reserved and documentation ranges, CIDR ranges and bare server addresses are not personal.
/// </summary>
internal sealed class IpAddressDetector
{
    public void Detect(ScanContext ctx)
    {
        var text = ctx.Text;
        var i = 0;
        while (i < text.Length)
        {
            var k = text.AsSpan(i).IndexOfAny('.', ':');
            if (k < 0)
            {
                break;
            }
            var sep = i + k;
            var start = sep;
            while (start > 0 && IsAddressChar(text[start - 1]))
            {
                start--;
            }
            var end = sep;
            while (end < text.Length && IsAddressChar(text[end]))
            {
                end++;
            }
            while (end > start && text[end - 1] is '.' or ':' && !(end - start > 2 && text[end - 2] == ':'))
            {
                end--;
            }
            if (end - start >= 7 && (start == 0 || !IsGlued(text[start - 1])) && (end >= text.Length || !IsGlued(text[end])))
            {
                Consider(ctx, start, end);
            }
            i = Math.Max(end, sep + 1);
        }
    }

    private static void Consider(ScanContext ctx, int start, int end)
    {
        var candidate = ctx.Text.AsSpan(start, end - start);
        // "93.133.90.239:443": an IPv4 address with a port.
        var colon = candidate.IndexOf(':');
        if (colon > 0 && candidate.Count('.') == 3 && candidate.Count(':') == 1 && candidate[..colon].Count('.') == 3)
        {
            end = start + colon;
            candidate = candidate[..colon];
        }
        var isV4 = !candidate.Contains(':');
        if (isV4 && candidate.Count('.') != 3)
        {
            return;
        }
        if (!isV4 && candidate.Count(':') < 2)
        {
            return;
        }
        if (!IPAddress.TryParse(candidate, out var address) || !IsGlobalUnicast(address))
        {
            return;
        }
        // "Version 4.1.100.1", "build 10.2.3.4": a dotted version string is no address, whoever it is tied to.
        if (ctx.CueBefore(start, CueKind.NotPersonalNumber, 12))
        {
            return;
        }
        // Tied to a user: a user cue on its line or just before (an INSERT's column list), or other personal data on its line.
        if (ctx.CueOnLine(start, CueKind.IpUserCue | CueKind.FirstPerson) || ctx.CueBefore(start, CueKind.IpUserCue, 160, sameLine: false) || HasPersonalDataOnLine(ctx, start))
        {
            ctx.Add(PiiTypes.IpAddress, start, end - start);
        }
    }

    private static bool HasPersonalDataOnLine(ScanContext ctx, int pos)
    {
        var lineStart = ctx.LineStart(pos);
        return ctx.FindingOnLine(pos) || ctx.Text.AsSpan(lineStart, ctx.LineEnd(pos) - lineStart).Contains('@');
    }

    private static bool IsAddressChar(char c) => Chars.IsAsciiDigit(c) || c is '.' or ':' || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    // A CIDR suffix, a port-less version tail or an identifier glued on means this is not a plain address.
    private static bool IsGlued(char c) => c is '/' or '_' or '-' || Chars.IsAsciiLetter(c);

    public static bool IsGlobalUnicast(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        if (!address.TryWriteBytes(b, out var written))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork && written == 4)
        {
            return b[0] switch
            {
                0 or 10 or 127 or >= 224 => false,
                100 => b[1] is < 64 or > 127,
                169 => b[1] != 254,
                172 => b[1] is < 16 or > 31,
                192 => !(b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2)),
                198 => !(b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100)),
                203 => !(b[1] == 0 && b[2] == 113),
                _ => true,
            };
        }
        // 2000::/3 is the global unicast block; 2001:db8::/32 is documentation.
        return written == 16 && (b[0] & 0xE0) == 0x20 && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
    }
}
