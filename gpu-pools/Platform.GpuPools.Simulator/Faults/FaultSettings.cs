namespace Platform.GpuPools.Simulator.Faults;

/// <summary>
/// The faults a simulated pool injects. On the wire (<c>/admin/faults</c>) the names are snake_case:
/// <c>{"error_rate":0.5,"hang":false,"drop_after_tokens":10,"down":false}</c>; a field left out is off.
/// </summary>
/// <param name="ErrorRate">Fraction (0..1) of chat requests answered with a 500 before any byte.</param>
/// <param name="Hang">Accept chat requests (holding a concurrency slot) and never answer until the client gives up.</param>
/// <param name="DropAfterTokens">Abort the connection after this many generated tokens (reasoning or answer), without [DONE]; null = never.</param>
/// <param name="Down">Answer 503 on everything except /admin (so the pool can be brought back).</param>
/// <param name="JudgeRejectRate">Fraction (0..1) of judged texts a judge request fails; which ones is fixed by the text's hash.</param>
public sealed record FaultSettings(double ErrorRate = 0, bool Hang = false, int? DropAfterTokens = null, bool Down = false, double JudgeRejectRate = 0)
{
    public static readonly FaultSettings None = new();

    /// <summary>Wall-clock milliseconds (not scaled by the speed factor) added before the first token, holding the slot: a slow pool.</summary>
    public int ExtraLatencyMs { get; init; }

    public static FaultSettings From(IConfiguration configuration)
    {
        var settings = new FaultSettings(
            configuration.GetValue("Simulator:Faults:ErrorRate", 0.0),
            configuration.GetValue("Simulator:Faults:Hang", false),
            configuration.GetValue<int?>("Simulator:Faults:DropAfterTokens"),
            configuration.GetValue("Simulator:Faults:Down", false),
            configuration.GetValue("Simulator:Faults:JudgeRejectRate", 0.0));
        settings = settings with { ExtraLatencyMs = configuration.GetValue("Simulator:Faults:ExtraLatencyMs", 0) };
        return settings.Problem() is { } problem ? throw new InvalidOperationException($"Simulator:Faults: {problem}") : settings;
    }

    /// <summary>Why these settings are unusable, or null.</summary>
    public string? Problem() =>
        !(ErrorRate is >= 0 and <= 1) ? "error_rate must be between 0 and 1."
        : !(JudgeRejectRate is >= 0 and <= 1) ? "judge_reject_rate must be between 0 and 1."
        : DropAfterTokens < 0 ? "drop_after_tokens must be 0 or more (or null for never)."
        : ExtraLatencyMs < 0 ? "extra_latency_ms must be 0 or more."
        : null;

    /// <summary>The index of the token before which a reply of <paramref name="completionTokens"/> tokens is cut, or null if it is not.</summary>
    public int? DropBefore(int completionTokens) =>
        DropAfterTokens is { } n && n < completionTokens ? n : null;
}
