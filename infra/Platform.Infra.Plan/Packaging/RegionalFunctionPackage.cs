namespace Platform.Infra.Plan;

/// <summary>
/// The Lambda package for the regional function: the published app plus <c>run.sh</c>, the handler the Web
/// Adapter's wrapper (<c>/opt/bootstrap</c>) starts. The app listens where the adapter forwards to.
/// </summary>
public static class RegionalFunctionPackage
{
    /// <summary>The regional app's assembly, run by the managed .NET runtime.</summary>
    public const string Assembly = "Platform.Regional.dll";

    public static string RunScript() =>
        "#!/bin/sh\n"
        + "# Started by the Lambda Web Adapter (AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap); it forwards requests to AWS_LWA_PORT.\n"
        + $"exec dotnet {Assembly} --urls \"http://127.0.0.1:${{AWS_LWA_PORT:-{LambdaWebAdapter.AppPort}}}\"\n";

    public static void Write(string publishDirectory, string zipPath)
    {
        PackageZip.RequireDirectory(publishDirectory, "The regional function's publish folder");
        var script = Path.Combine(Path.GetTempPath(), "run-" + Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(script, RunScript());
        try
        {
            var files = PackageZip.FilesUnder(publishDirectory)
                .Where(f => f.EntryName != LambdaWebAdapter.Handler)
                .Append((LambdaWebAdapter.Handler, script));
            PackageZip.Write(zipPath, files, new HashSet<string> { LambdaWebAdapter.Handler });
        }
        finally
        {
            File.Delete(script);
        }
    }
}
