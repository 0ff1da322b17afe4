using Pulumi;

namespace Platform.Infra;

internal static class InputMaps
{
    public static InputMap<string> ToInputMap(this IReadOnlyDictionary<string, string> values)
    {
        var map = new InputMap<string>();
        foreach (var (key, value) in values)
        {
            map.Add(key, value);
        }

        return map;
    }
}
