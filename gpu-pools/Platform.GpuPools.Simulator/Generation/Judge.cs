using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Compliance;

namespace Platform.GpuPools.Simulator.Generation;

/// <summary>
/// The simulator as a judge model: a request whose first system message starts with the platform's judge marker
/// (routing.yaml <c>verifier.system</c>) gets a verdict JSON, <c>{"verdict":"pass","score":0.83}</c>, instead of filler.
/// The judged text's SHA-256 draws u in [0,1): it fails when u is below the reject rate, so the rate is the share of
/// texts failed and the same text always gets the same verdict. Scores below 0.5 fail, 0.5 and above pass.
/// </summary>
internal static class Judge
{
    public static bool IsJudgeRequest(IReadOnlyList<(string Role, string Text)> messages) =>
        messages.FirstOrDefault(m => m.Role == "system").Text?.StartsWith(VerifierPolicy.Marker, StringComparison.Ordinal) == true;

    public static GeneratedReply Verdict(IReadOnlyList<(string Role, string Text)> messages, double rejectRate)
    {
        var judged = string.Join('\u001e', messages.Where(m => m.Role != "system").Select(m => m.Text));
        var u = (BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(judged))) >> 11) / (double)(1UL << 53);
        var fails = u < rejectRate;
        var score = fails ? 0.5 * u / rejectRate : 0.5 + (0.5 * (u - rejectRate) / (1 - rejectRate));
        var scoreText = Math.Round(score, 2, MidpointRounding.ToZero).ToString("0.00", CultureInfo.InvariantCulture);

        // Four tokens, so a stream of them is as ordinary as any other answer.
        return new GeneratedReply([], ["{\"verdict\":", fails ? "\"fail\"," : "\"pass\",", "\"score\":", scoreText + "}"]);
    }
}
