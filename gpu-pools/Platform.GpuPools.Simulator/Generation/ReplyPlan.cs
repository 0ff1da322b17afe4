namespace Platform.GpuPools.Simulator.Generation;

/// <summary>The tokens a request will actually get once its token limit is applied, and why generation stops.</summary>
internal sealed record ReplyPlan(IReadOnlyList<string> Reasoning, IReadOnlyList<string> Answer, string FinishReason)
{
    public int CompletionTokens => Reasoning.Count + Answer.Count;

    /// <summary>All tokens in the order they are generated: reasoning first, then the answer.</summary>
    public IEnumerable<(string Text, bool IsReasoning)> Tokens =>
        Reasoning.Select(t => (t, true)).Concat(Answer.Select(t => (t, false)));

    /// <summary>
    /// Reasoning and answer tokens both count against <paramref name="maxTokens"/> (max_completion_tokens / max_tokens),
    /// as in vLLM; hitting it cuts the reply there, reasoning first, with finish reason "length".
    /// </summary>
    public static ReplyPlan Fit(GeneratedReply reply, int? maxTokens)
    {
        var total = reply.Reasoning.Count + reply.Answer.Count;
        if (maxTokens is not { } max || total <= max)
        {
            return new ReplyPlan(reply.Reasoning, reply.Answer, "stop");
        }

        var reasoning = Math.Min(reply.Reasoning.Count, max);
        return new ReplyPlan(reply.Reasoning.Take(reasoning).ToArray(), reply.Answer.Take(max - reasoning).ToArray(), "length");
    }
}
