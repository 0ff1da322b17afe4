using System.Globalization;

namespace Platform.Infra.Plan;

/// <summary>Typed reads of a stack's config that record an error (file, line, key, fix) instead of throwing.</summary>
internal sealed class ConfigReader(StackConfig config, List<PlanError> errors)
{
    public StackConfig Config => config;

    public int LineOf(string key) => config[key]?.Line ?? 1;

    public void Error(string key, string problem, string fix) => errors.Add(new PlanError(config.File, LineOf(key), key, problem, fix));

    public void Error(ConfigValue value, string problem, string fix) => errors.Add(new PlanError(config.File, value.Line, value.Key, problem, fix));

    public string? String(string key, string? fixWhenMissing)
    {
        var value = config[key];
        if (value is { Scalar: { Length: > 0 } s })
        {
            return s;
        }

        if (value is null || value.Scalar is "")
        {
            if (fixWhenMissing is not null)
            {
                Error(key, "Missing.", fixWhenMissing);
            }

            return null;
        }

        Error(value, value.Secret ? "Expected plain text, found a secret." : "Expected a single text value.", fixWhenMissing ?? $"Set {key} to a single value.");
        return null;
    }

    public bool Bool(string key, bool defaultValue)
    {
        var value = config[key];
        if (value is null)
        {
            return defaultValue;
        }

        if (value.Scalar is "true" or "false")
        {
            return value.Scalar == "true";
        }

        Error(value, "Expected true or false.", $"Write {key}: true or {key}: false.");
        return defaultValue;
    }

    public int? Int(string key)
    {
        var value = config[key];
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value.Scalar, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Error(value, "Expected a whole number.", $"Write {key} as a number of days, like 30.");
        return null;
    }

    public IReadOnlyList<string> List(string key, string fixWhenMissing)
    {
        var value = config[key];
        if (value is { List: { Count: > 0 } list } && list.All(i => i.Length > 0))
        {
            return list;
        }

        Error(key, value is null ? "Missing." : "Expected a non-empty list of text values.", fixWhenMissing);
        return [];
    }

    /// <summary>A secret must be written as Pulumi writes secrets (<c>secure:</c>); plain text would sit in git.</summary>
    public void Secret(string key, string fixWhenMissing)
    {
        var value = config[key];
        if (value is null)
        {
            Error(key, "Missing.", fixWhenMissing);
        }
        else if (!value.Secret)
        {
            Error(value, "Stored in plain text in the stack file.", fixWhenMissing);
        }
    }
}
