using System.IO.Compression;
using System.Text.Json;

namespace Platform.Infra.Plan.Tests.Packaging;

/// <summary>The deployable zips hold what their hosts need to start the apps.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "packages-" + Guid.NewGuid().ToString("N"));

    public PackageTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "publish", "wwwroot"));
        File.WriteAllText(Path.Combine(_root, "publish", "Platform.Edge"), "binary");
        File.WriteAllText(Path.Combine(_root, "publish", "Platform.Regional.dll"), "assembly");
        File.WriteAllText(Path.Combine(_root, "publish", "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "publish", "wwwroot", "index.html"), "<p/>");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static int UnixMode(ZipArchiveEntry entry) => (entry.ExternalAttributes >> 16) & 0x1FF;

    [Fact]
    public void EdgePackage_RunsTheEdgeBinaryAsACustomHandler_ForwardingEveryRequest()
    {
        var zipPath = Path.Combine(_root, "edge.zip");

        EdgeFunctionPackage.Write(Path.Combine(_root, "publish"), zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ShouldBe(
            ["Platform.Edge", "Platform.Regional.dll", "appsettings.json", "edge/function.json", "host.json", "wwwroot/index.html"]);
        UnixMode(zip.GetEntry("Platform.Edge")!).ShouldBe(0x1ED, "the host must be able to execute the handler");
        UnixMode(zip.GetEntry("appsettings.json")!).ShouldBe(0x1A4);

        using var host = JsonDocument.Parse(zip.GetEntry("host.json")!.Open());
        host.RootElement.GetProperty("version").GetString().ShouldBe("2.0");
        var handler = host.RootElement.GetProperty("customHandler");
        handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString().ShouldBe("Platform.Edge");
        handler.GetProperty("enableForwardingHttpRequest").GetBoolean().ShouldBeTrue();
        host.RootElement.GetProperty("extensionBundle").GetProperty("id").GetString().ShouldBe("Microsoft.Azure.Functions.ExtensionBundle");
        host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString().ShouldBe("");

        using var function = JsonDocument.Parse(zip.GetEntry("edge/function.json")!.Open());
        var bindings = function.RootElement.GetProperty("bindings").EnumerateArray().ToArray();
        bindings.Length.ShouldBe(2);
        bindings[0].GetProperty("type").GetString().ShouldBe("httpTrigger");
        bindings[0].GetProperty("direction").GetString().ShouldBe("in");
        bindings[0].GetProperty("authLevel").GetString().ShouldBe("anonymous");
        bindings[0].GetProperty("route").GetString().ShouldBe("{*path}");
        bindings[0].GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ShouldBe(["get", "post", "put", "patch", "delete", "head", "options"]);
        bindings[1].GetProperty("type").GetString().ShouldBe("http");
        bindings[1].GetProperty("direction").GetString().ShouldBe("out");
    }

    [Fact]
    public void RegionalPackage_StartsTheAppFromAnExecutableRunScript_OnTheAdaptersPort()
    {
        var zipPath = Path.Combine(_root, "regional.zip");

        RegionalFunctionPackage.Write(Path.Combine(_root, "publish"), zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        var run = zip.GetEntry("run.sh").ShouldNotBeNull();
        UnixMode(run).ShouldBe(0x1ED, "the Web Adapter's wrapper executes the handler script");
        var script = new StreamReader(run.Open()).ReadToEnd();
        script.ShouldStartWith("#!/bin/sh\n");
        script.ShouldContain("exec dotnet Platform.Regional.dll --urls \"http://127.0.0.1:${AWS_LWA_PORT:-8080}\"");
        script.ShouldNotContain("\r");
        zip.GetEntry("Platform.Regional.dll").ShouldNotBeNull();
        zip.GetEntry("wwwroot/index.html").ShouldNotBeNull();
    }

    [Fact]
    public void Package_FromAMissingPublishFolder_SaysToPublishFirst()
    {
        var missing = Path.Combine(_root, "not-published");

        var e = Should.Throw<DirectoryNotFoundException>(() => RegionalFunctionPackage.Write(missing, Path.Combine(_root, "r.zip")));

        e.Message.ShouldBe($"The regional function's publish folder '{missing}' does not exist; publish it first (see infra/README.md, \"Deploy a jurisdiction\").");
    }
}
