using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Compliance.Yaml;

/// <summary>
/// Parses a reviewed YAML file (a policy or a stack config) into its root node, or says at which line and why it is
/// not YAML, in the words every refusal of such a file uses.
/// </summary>
public static class YamlText
{
    public const string SyntaxFix = "Correct the YAML syntax at that line.";

    public static (YamlNode? Root, int ErrorLine, string? Error) Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null, 0, null);
        }
        catch (YamlException e)
        {
            return (null, (int)e.Start.Line, $"Not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
