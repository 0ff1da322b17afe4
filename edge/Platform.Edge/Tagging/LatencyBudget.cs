using System.Globalization;

namespace Platform.Edge.Tagging;

/// <summary>How long a request may wait for its first token: the client's header when given, else by request kind.</summary>
internal static class LatencyBudget
{
    public const string Header = "X-Latency-Budget-Ms";
    public const int MaxMs = 600_000;

    public static (int BudgetMs, string? Error) Decide(string? header, bool stream, int? maxTokens, LatencyBudgetOptions options)
    {
        if (header is not null)
        {
            return int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= MaxMs
                ? (ms, null)
                : (0, $"The {Header} header must be a whole number of milliseconds from 1 to {MaxMs}.");
        }

        if (stream)
        {
            return (options.InteractiveMs, null);
        }

        return maxTokens >= options.BatchMinMaxTokens ? (options.BatchMs, null) : (options.StandardMs, null);
    }
}
