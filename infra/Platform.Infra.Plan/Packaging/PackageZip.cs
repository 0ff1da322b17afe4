using System.IO.Compression;

namespace Platform.Infra.Plan;

/// <summary>
/// Zips a folder for a Linux host: entries use '/', and the files that are run get the Unix execute bit
/// (Lambda and Azure Functions keep the mode stored in the zip; without it, the handler cannot start).
/// </summary>
internal static class PackageZip
{
    private const int RegularFile = 0x8000; // S_IFREG
    private const int ReadWriteAll = 0x1A4;  // 0644
    private const int Executable = 0x1ED;    // 0755

    public static void Write(string zipPath, IEnumerable<(string EntryName, string SourcePath)> files, IReadOnlySet<string> executables)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var (entryName, source) in files.OrderBy(f => f.EntryName, StringComparer.Ordinal))
        {
            var entry = zip.CreateEntryFromFile(source, entryName, CompressionLevel.Optimal);
            var mode = executables.Contains(entryName) ? Executable : ReadWriteAll;
            entry.ExternalAttributes = (RegularFile | mode) << 16;
        }
    }

    /// <summary>Every file under <paramref name="directory"/>, as zip entry names relative to it.</summary>
    public static IEnumerable<(string EntryName, string SourcePath)> FilesUnder(string directory, string entryPrefix = "") =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => (entryPrefix + Path.GetRelativePath(directory, f).Replace('\\', '/'), f));

    public static void RequireDirectory(string directory, string what)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{what} '{directory}' does not exist; publish it first (see infra/README.md, \"Deploy a jurisdiction\").");
        }
    }
}
