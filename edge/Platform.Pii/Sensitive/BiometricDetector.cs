using Platform.Pii.Text;

namespace Platform.Pii.Sensitive;

/// <summary>A face/voice embedding or fingerprint-template hash right after a biometric cue (voiceprint, 人脸特征 …).</summary>
internal sealed class BiometricDetector
{
    private const int Window = 60;
    private const int MinHexLength = 16;

    public void Detect(ScanContext ctx)
    {
        if (!ctx.Has(CueKind.BiometricCue))
        {
            return;
        }
        foreach (var hit in ctx.Cues)
        {
            if ((hit.Kinds & CueKind.BiometricCue) != 0)
            {
                FindTemplate(ctx, hit.End);
            }
        }
    }

    private static void FindTemplate(ScanContext ctx, int from)
    {
        var text = ctx.Text;
        var limit = Math.Min(text.Length, from + Window);
        for (var i = from; i < limit; i++)
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close > i && close - i < 4096 && text.AsSpan(i, close - i).Count(',') >= 3)
                {
                    ctx.Add(PiiTypes.Biometric, i, close - i + 1);
                    return;
                }
            }
            if (IsHex(text[i]) && (i == 0 || !Chars.IsAsciiAlnum(text[i - 1]) || text[i - 1] is '=' or ':'))
            {
                var end = i;
                while (end < text.Length && IsHex(text[end]))
                {
                    end++;
                }
                if (end - i >= MinHexLength)
                {
                    ctx.Add(PiiTypes.Biometric, i, end - i);
                    return;
                }
            }
        }
    }

    private static bool IsHex(char c) => Chars.IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
}
