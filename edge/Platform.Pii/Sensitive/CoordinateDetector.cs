using Platform.Pii.Text;

namespace Platform.Pii.Sensitive;

/// <summary>
/// "lat, lon" pairs with at least four decimals that the text ties to where a person is or went
/// ("我现在在 …", "I'm at …", a ride's 起点/终点). A landmark's coordinates carry no such cue.
/// </summary>
internal sealed class CoordinateDetector
{
    private const int MinDecimals = 4;

    public void Detect(ScanContext ctx)
    {
        var text = ctx.Text;
        var i = 0;
        while (i < text.Length)
        {
            var k = text.AsSpan(i).IndexOf(',');
            if (k < 0)
            {
                break;
            }
            var comma = i + k;
            i = comma + 1;
            if (!TryDecimalBefore(text, comma, out var start, out var lat) || !TryDecimalAfter(text, comma + 1, out var end, out var lon))
            {
                continue;
            }
            if (Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180 && ctx.CueBefore(start, CueKind.PresentLocation | CueKind.FirstPerson, 40))
            {
                ctx.Add(PiiTypes.PreciseLocation, start, end - start);
            }
            i = end;
        }
    }

    private static bool TryDecimalBefore(string text, int comma, out int start, out double value)
    {
        var end = comma;
        start = end;
        value = 0;
        while (start > 0 && (Chars.IsAsciiDigit(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }
        if (start > 0 && text[start - 1] == '-')
        {
            start--;
        }
        return IsCoordinate(text.AsSpan(start, end - start), out value);
    }

    private static bool TryDecimalAfter(string text, int from, out int end, out double value)
    {
        var start = from;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }
        end = start;
        if (end < text.Length && text[end] == '-')
        {
            end++;
        }
        while (end < text.Length && (Chars.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        return IsCoordinate(text.AsSpan(start, end - start), out value);
    }

    private static bool IsCoordinate(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        var dot = s.IndexOf('.');
        return dot > 0 && s.Length - dot - 1 >= MinDecimals && s[(dot + 1)..].IndexOf('.') < 0
            && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
