using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Compliance;

namespace Platform.Regional.Escalation;

/// <summary>The chat request the verifier pool is sent: the zone's judge prompt around the question and the answer.</summary>
internal static class JudgeRequest
{
    /// <summary>Enough for a verdict, and for a reasoning judge to think first.</summary>
    public const int MaxCompletionTokens = 1024;

    public static byte[] Body(VerifierPolicy verifier, string question, string answer) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["model"] = PoolChooserAuto,
            ["max_completion_tokens"] = MaxCompletionTokens,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = verifier.System },
                new JsonObject { ["role"] = "user", ["content"] = verifier.Template.Replace("{question}", question, StringComparison.Ordinal).Replace("{answer}", answer, StringComparison.Ordinal) }),
        });

    /// <summary>The forwarder replaces the model with the verifier pool's own.</summary>
    private const string PoolChooserAuto = "auto";

    /// <summary>What the judge is asked about: the last user message.</summary>
    public static string Question(IReadOnlyList<(string Role, string Text)> messages) =>
        messages.LastOrDefault(m => m.Role == "user").Text ?? "";
}
