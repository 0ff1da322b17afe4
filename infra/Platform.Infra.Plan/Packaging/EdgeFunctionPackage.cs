using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Infra.Plan;

/// <summary>
/// The Azure Functions package for the edge: the published edge binary, run as a custom handler that receives
/// every HTTP request forwarded unchanged (one HTTP function, any method, any route). The edge listens on the port
/// the host passes in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>.
/// </summary>
public static class EdgeFunctionPackage
{
    /// <summary>The edge's self-contained Linux executable (the Platform.Edge assembly name).</summary>
    public const string ExecutableName = "Platform.Edge";
    public const string FunctionName = "edge";
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the deployable zip: the publish folder, <c>host.json</c> and <c>edge/function.json</c>.</summary>
    public static void Write(string publishDirectory, string zipPath)
    {
        PackageZip.RequireDirectory(publishDirectory, "The edge's publish folder");
        var staging = Path.Combine(Path.GetTempPath(), "edge-package-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(staging, FunctionName));
        try
        {
            File.WriteAllText(Path.Combine(staging, "host.json"), HostJson());
            File.WriteAllText(Path.Combine(staging, FunctionName, "function.json"), FunctionJson());
            var files = PackageZip.FilesUnder(publishDirectory)
                .Where(f => f.EntryName != "host.json")
                .Concat(PackageZip.FilesUnder(staging));
            PackageZip.Write(zipPath, files, new HashSet<string> { ExecutableName });
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public static string HostJson() => new JsonObject
    {
        ["version"] = "2.0",
        ["extensionBundle"] = new JsonObject
        {
            ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
            ["version"] = "[4.*, 5.0.0)",
        },
        ["customHandler"] = new JsonObject
        {
            ["description"] = new JsonObject
            {
                ["defaultExecutablePath"] = ExecutableName,
                ["workingDirectory"] = "",
                ["arguments"] = new JsonArray(),
            },
            // The host passes each request through as is, so the edge sees the OpenAI API paths and bodies.
            ["enableForwardingHttpRequest"] = true,
        },
        // No "/api" prefix: clients call /v1/chat/completions as on any OpenAI-compatible server.
        ["extensions"] = new JsonObject { ["http"] = new JsonObject { ["routePrefix"] = "" } },
    }.ToJsonString(Indented);

    public static string FunctionJson() => new JsonObject
    {
        ["bindings"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["name"] = "req",
                // Clients authenticate with their API key, which the edge checks; the function key would be a second secret.
                ["authLevel"] = "anonymous",
                ["methods"] = new JsonArray("get", "post", "put", "patch", "delete", "head", "options"),
                ["route"] = "{*path}",
            },
            new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
    }.ToJsonString(Indented);
}
