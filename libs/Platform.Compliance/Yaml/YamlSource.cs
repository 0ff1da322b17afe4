using YamlDotNet.RepresentationModel;

namespace Platform.Compliance.Yaml;

/// <summary>One parsed policy file; every read through it reports problems with the file name and line.</summary>
internal sealed class YamlSource
{
    private YamlSource(string file, List<ModelError> errors)
    {
        File = file;
        Errors = errors;
    }

    public string File { get; }
    public List<ModelError> Errors { get; }
    public YamlNodeReader Root { get; private set; }

    public static YamlSource Parse(string file, string text, List<ModelError> errors)
    {
        var source = new YamlSource(file, errors);
        var (root, errorLine, error) = YamlText.Parse(text);
        if (error is not null)
        {
            errors.Add(new ModelError(file, errorLine, "(document)", error, YamlText.SyntaxFix));
        }

        if (root is null && errors.Count == 0)
        {
            errors.Add(new ModelError(file, 1, "(document)", "The file is empty.", "Restore the file's content from version control."));
        }

        source.Root = new YamlNodeReader(source, root, "", root is null ? 1 : (int)root.Start.Line);
        return source;
    }

    public void Error(int line, string key, string problem, string fix) =>
        Errors.Add(new ModelError(File, line, key, problem, fix));
}
