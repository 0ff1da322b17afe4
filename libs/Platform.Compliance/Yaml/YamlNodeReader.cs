using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Platform.Compliance.Yaml;

/// <summary>
/// A position in a policy file. Reads never throw: a missing or mistyped value is recorded as an error
/// naming the file, line and dotted key, and a neutral value is returned so the load can report every problem.
/// </summary>
internal readonly record struct YamlNodeReader(YamlSource Source, YamlNode? Node, string Path, int Line)
{
    public bool Exists => Node is not null;

    public YamlNodeReader this[string key]
    {
        get
        {
            var path = Path.Length == 0 ? key : $"{Path}.{key}";
            if (Node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return new YamlNodeReader(Source, child, path, (int)child.Start.Line);
            }

            return new YamlNodeReader(Source, null, path, Line);
        }
    }

    /// <summary>The entries of a mapping, in file order; an error when the node is not a mapping.</summary>
    public IEnumerable<(string Key, YamlNodeReader Value)> Entries(string fix)
    {
        if (Node is not YamlMappingNode map)
        {
            Source.Error(Line, Path, Node is null ? "Missing." : "Expected a mapping of keys to values.", fix);
            yield break;
        }

        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            yield return (key, new YamlNodeReader(Source, v, Path.Length == 0 ? key : $"{Path}.{key}", (int)v.Start.Line));
        }
    }

    public IEnumerable<YamlNodeReader> Items(string fix)
    {
        if (Node is not YamlSequenceNode seq)
        {
            Source.Error(Line, Path, Node is null ? "Missing." : "Expected a list.", fix);
            yield break;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            yield return new YamlNodeReader(Source, item, $"{Path}[{i++}]", (int)item.Start.Line);
        }
    }

    /// <summary>Flags keys this node does not know, so a typo ("trace_dayz") is refused rather than ignored.</summary>
    public void AllowOnly(params string[] keys)
    {
        if (Node is not YamlMappingNode map)
        {
            return;
        }

        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(key))
            {
                Source.Error((int)v.Start.Line, Path.Length == 0 ? key : $"{Path}.{key}", $"Unknown key '{key}'.", $"Use one of: {string.Join(", ", keys)}.");
            }
        }
    }

    public string String(string fix)
    {
        if (Node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Source.Error(Line, Path, Node is null ? "Missing." : "Expected a non-empty text value.", fix);
        return "";
    }

    public string? OptionalString() => Node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    public bool Bool(bool defaultValue)
    {
        if (Node is null)
        {
            return defaultValue;
        }

        if (Node is YamlScalarNode { Value: "true" or "false" } s)
        {
            return s.Value == "true";
        }

        Source.Error(Line, Path, "Expected true or false.", "Write true or false.");
        return defaultValue;
    }

    public int Int(string fix, int min = int.MinValue)
    {
        if (Node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min)
            {
                return value;
            }

            Source.Error(Line, Path, $"{value} is below the minimum {min}.", fix);
            return min;
        }

        Source.Error(Line, Path, Node is null ? "Missing." : "Expected a whole number.", fix);
        return Math.Max(min, 0);
    }

    public decimal Decimal(string fix)
    {
        if (Node is YamlScalarNode s && decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Source.Error(Line, Path, Node is null ? "Missing." : "Expected a non-negative number.", fix);
        return 0;
    }

    public IReadOnlyList<string> Strings(string fix) =>
        Items(fix).Select(i => i.String(fix)).Where(s => s.Length > 0).ToArray();

    public void Error(string problem, string fix) => Source.Error(Line, Path, problem, fix);
}
