using System.Collections.Immutable;
using System.Text.Json;

namespace Platform.Infra.Tests;

/// <summary>Reads the nested input bags Pulumi's mocks receive (maps, arrays, strings, doubles, bools).</summary>
internal static class Inputs
{
    public static object? At(this ImmutableDictionary<string, object> inputs, params object[] path)
    {
        object? current = inputs;
        foreach (var step in path)
        {
            current = (current, step) switch
            {
                (ImmutableDictionary<string, object> map, string key) => map.GetValueOrDefault(key),
                (ImmutableArray<object> list, int index) => list[index],
                _ => null,
            };
        }

        return current;
    }

    public static string Text(this ImmutableDictionary<string, object> inputs, params object[] path) => (string)inputs.At(path)!;

    public static int Number(this ImmutableDictionary<string, object> inputs, params object[] path) => Convert.ToInt32(inputs.At(path), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every string anywhere in the inputs, including inside JSON policy documents.</summary>
    public static IEnumerable<string> Strings(object? value) => value switch
    {
        string s when s.StartsWith('{') => new[] { s }.Concat(JsonStrings(JsonDocument.Parse(s).RootElement)),
        string s => [s],
        ImmutableDictionary<string, object> map => map.Values.SelectMany(Strings),
        ImmutableArray<object> list => list.SelectMany(Strings),
        _ => [],
    };

    private static IEnumerable<string> JsonStrings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => JsonStrings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(JsonStrings),
        _ => [],
    };
}
