using System.Globalization;

namespace Platform.Regional.Routing;

/// <summary>
/// How pools are chosen, judged and hedged (see README, "Pool choice and health"); read and validated once at start-up.
/// </summary>
internal sealed record PoolChoiceSettings(
    int AffinityMinChars,
    double AffinityMargin,
    double ErrorRateThreshold,
    int MinimumThroughput,
    TimeSpan Window,
    double P99BudgetFactor,
    TimeSpan BreakDuration,
    bool HedgingEnabled,
    double HedgeAfterBudgetFraction)
{
    public const string AffinityMinCharsKey = "Regional:Routing:AffinityMinChars";
    public const string AffinityMarginKey = "Regional:Routing:AffinityMargin";
    public const string ErrorRateThresholdKey = "Regional:Health:ErrorRateThreshold";
    public const string MinimumThroughputKey = "Regional:Health:MinimumThroughput";
    public const string WindowSecondsKey = "Regional:Health:WindowSeconds";
    public const string P99BudgetFactorKey = "Regional:Health:P99BudgetFactor";
    public const string BreakSecondsKey = "Regional:Health:BreakSeconds";
    public const string HedgingEnabledKey = "Regional:Hedging:Enabled";
    public const string HedgeAfterBudgetFractionKey = "Regional:Hedging:AfterBudgetFraction";

    public static readonly PoolChoiceSettings Default = new(1000, 0.25, 0.005, 10, TimeSpan.FromSeconds(60), 4, TimeSpan.FromSeconds(30), true, 0.6);

    /// <summary>Reads the settings, or throws one exception listing every problem and its fix.</summary>
    public static PoolChoiceSettings Read(IConfiguration configuration)
    {
        var errors = new List<string>();
        var d = Default;

        // Polly's own limits: a ratio in (0, 1], at least 2 calls, and a window and break of at least half a second.
        var settings = new PoolChoiceSettings(
            Number(configuration, AffinityMinCharsKey, d.AffinityMinChars, v => v >= 1, "a whole number of characters, 1 or more", errors),
            Number(configuration, AffinityMarginKey, d.AffinityMargin, v => v >= 0, "a load-score margin, 0 or more (e.g. 0.25)", errors),
            Number(configuration, ErrorRateThresholdKey, d.ErrorRateThreshold, v => v is > 0 and <= 1, "a fraction above 0 and at most 1 (e.g. 0.005)", errors),
            Number(configuration, MinimumThroughputKey, d.MinimumThroughput, v => v >= 2, "a whole number of requests, 2 or more", errors),
            TimeSpan.FromSeconds(Number(configuration, WindowSecondsKey, d.Window.TotalSeconds, v => v >= 0.5, "seconds, 0.5 or more", errors)),
            Number(configuration, P99BudgetFactorKey, d.P99BudgetFactor, v => v > 0, "a factor of the pool's nominal TTFT above 0 (e.g. 4)", errors),
            TimeSpan.FromSeconds(Number(configuration, BreakSecondsKey, d.BreakDuration.TotalSeconds, v => v >= 0.5, "seconds, 0.5 or more", errors)),
            Flag(configuration, HedgingEnabledKey, d.HedgingEnabled, errors),
            Number(configuration, HedgeAfterBudgetFractionKey, d.HedgeAfterBudgetFraction, v => v is > 0 and < 1, "a fraction of the latency budget above 0 and below 1 (e.g. 0.6)", errors));

        return errors.Count > 0
            ? throw new InvalidOperationException("The regional function cannot start:\n  - " + string.Join("\n  - ", errors))
            : settings;
    }

    private static T Number<T>(IConfiguration configuration, string key, T fallback, Func<T, bool> valid, string expected, List<string> errors)
        where T : struct, IParsable<T>
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out var value) && valid(value))
        {
            return value;
        }

        errors.Add($"{key} must be {expected}.");
        return fallback;
    }

    private static bool Flag(IConfiguration configuration, string key, bool fallback, List<string> errors)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{key} must be true or false.");
        return fallback;
    }
}
