namespace Platform.Pii.Text;

/// <summary>Reads the embedded data files: one entry per line, '#' starts a comment line.</summary>
internal static class EmbeddedData
{
    public static IEnumerable<string> Lines(string fileName)
    {
        var name = "Platform.Pii.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed);
            }
        }
        return lines;
    }
}
