namespace Platform.GpuPools.Simulator.Serving;

/// <summary>What one chat request did, filled in as it goes, for its log line.</summary>
internal sealed class RequestRecord
{
    public string Outcome { get; set; } = "rejected";
    public int Status { get; set; } = StatusCodes.Status200OK;
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public TimeSpan Queued { get; set; }
    public TimeSpan? FirstToken { get; set; }
}
