using Platform.Compliance;

namespace Platform.Regional.Escalation;

/// <summary>The facts an escalation decision depends on, for one answered request.</summary>
internal sealed record EscalationFacts(string Zone, string RequestedModel, bool Stream, int ServedTier, int MaxTier, bool HasVerifier, bool Answered);

/// <summary>Where a rejected answer is asked again: one tier up, on these pools of the zone.</summary>
internal sealed record Promotion(int Tier, IReadOnlyList<string> PoolIds);

/// <summary>
/// When an <c>auto</c> answer is judged, and where it goes when the judge rejects it. Only whole (non-streamed) answers
/// are judged: a streamed one is already on the wire. A request is promoted at most once, one tier, never above the
/// tenant's max tier and never to a pool outside the zone.
/// </summary>
internal static class EscalationRule
{
    public const string Auto = "auto";

    public static bool ShouldJudge(EscalationFacts f) =>
        f.RequestedModel == Auto && !f.Stream && f.Answered && f.HasVerifier && f.ServedTier < f.MaxTier;

    /// <summary>The promotion for a judged answer, or null when it stands (passed) or cannot go higher here.</summary>
    public static Promotion? Promote(EscalationFacts f, Verdict verdict, IReadOnlyList<Pool> availablePools)
    {
        if (verdict.Passed || !ShouldJudge(f))
        {
            return null;
        }

        var tier = f.ServedTier + 1;
        var pools = availablePools.Where(p => p.Zone == f.Zone && p.Tier == tier).Select(p => p.Id).ToArray();
        return tier <= f.MaxTier && pools.Length > 0 ? new Promotion(tier, pools) : null;
    }
}
