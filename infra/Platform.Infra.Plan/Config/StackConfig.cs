using Platform.Compliance.Yaml;
using YamlDotNet.RepresentationModel;

namespace Platform.Infra.Plan;

/// <summary>
/// A stack's configuration as written in <c>Pulumi.&lt;stack&gt;.yaml</c>: the <c>config:</c> map, by the same
/// namespaced keys Pulumi's <c>Config</c> reads, with the line of each value so errors can point at it.
/// </summary>
public sealed record StackConfig(string Stack, string File, IReadOnlyDictionary<string, ConfigValue> Values, IReadOnlyList<PlanError> Errors)
{
    public ConfigValue? this[string key] => Values.GetValueOrDefault(key);

    /// <summary>Reads <c>Pulumi.&lt;stack&gt;.yaml</c>; the stack name comes from the file name, as Pulumi derives it.</summary>
    public static StackConfig Load(string path)
    {
        var name = Path.GetFileName(path);
        var stack = name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal)
            ? name["Pulumi.".Length..^".yaml".Length]
            : Path.GetFileNameWithoutExtension(name);
        return Parse(stack, path, System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path) : null);
    }

    public static StackConfig Parse(string stack, string file, string? text)
    {
        var errors = new List<PlanError>();
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        if (text is null)
        {
            errors.Add(new PlanError(file, 1, "(file)", "The stack file is missing.", $"Create it with `pulumi stack init {stack}`, or copy another Pulumi.<stack>.yaml."));
            return new StackConfig(stack, file, values, errors);
        }

        var (root, errorLine, error) = YamlText.Parse(text);
        if (error is not null)
        {
            errors.Add(new PlanError(file, errorLine, "(document)", error, YamlText.SyntaxFix));
            return new StackConfig(stack, file, values, errors);
        }

        if (root is not YamlMappingNode top || !top.Children.TryGetValue(new YamlScalarNode("config"), out var configNode) || configNode is not YamlMappingNode config)
        {
            errors.Add(new PlanError(file, 1, "config", "The file has no 'config:' map.", "Add a top-level 'config:' map with at least platform:zone."));
            return new StackConfig(stack, file, values, errors);
        }

        foreach (var (k, v) in config.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            values[key] = Read(key, v);
        }

        return new StackConfig(stack, file, values, errors);
    }

    private static ConfigValue Read(string key, YamlNode node)
    {
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlScalarNode s:
                return new ConfigValue(key, line, s.Value ?? "", null, null, false);
            case YamlSequenceNode seq:
                return new ConfigValue(key, line, null, seq.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? "").ToArray(), null, false);
            case YamlMappingNode map when map.Children.Count == 1 && map.Children.ContainsKey(new YamlScalarNode("secure")):
                // Pulumi writes a secret as { secure: <ciphertext> }; it is set, and only Pulumi can read it.
                return new ConfigValue(key, line, null, null, null, true);
            case YamlMappingNode map:
                return new ConfigValue(key, line, null, null,
                    map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => Read($"{key}.{((YamlScalarNode)c.Key).Value}", c.Value), StringComparer.Ordinal),
                    false);
            default:
                return new ConfigValue(key, line, null, null, null, false);
        }
    }
}
