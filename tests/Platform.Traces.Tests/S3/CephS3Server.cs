using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Amazon.S3.Model;
using Platform.Traces.S3;

namespace Platform.Traces.Tests.S3;

[CollectionDefinition(Name)]
public sealed class CephCollection : ICollectionFixture<CephS3Server>
{
    public const string Name = "ceph-s3";
}

/// <summary>
/// A real S3 server for the tests: the one <c>.ci/run</c> started (<c>PLATFORM_TEST_S3_ENDPOINT</c>, and
/// <c>PLATFORM_TEST_CEPH_DIR</c> for lifecycle runs), or else a gateway this fixture starts with <c>.ci/ceph-s3.sh</c>.
/// When neither works the tests fail, saying what to install: they never skip.
/// </summary>
public sealed class CephS3Server : IAsyncLifetime
{
    public const string EndpointVariable = "PLATFORM_TEST_S3_ENDPOINT";
    public const string DirectoryVariable = "PLATFORM_TEST_CEPH_DIR";

    private string? _startedDirectory;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The gateway's directory (its ceph.conf), when known: lets a test run lifecycle processing now.</summary>
    public string? CephDirectory { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint)
        {
            Endpoint = new Uri(endpoint);
            CephDirectory = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } d ? d : null;
            return;
        }

        var script = FindScript();
        var directory = Path.Combine(Path.GetTempPath(), $"platform-traces-ceph-{Environment.ProcessId}");
        var (code, output, error) = await RunAsync("bash", script, "start", directory, FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code != 0 || !Uri.TryCreate(output.Trim().Split('\n')[^1], UriKind.Absolute, out var started))
        {
            throw new InvalidOperationException(
                $"The S3 trace-store tests need a Ceph S3 gateway and could not start one with {script} (exit {code}): {error.Trim()}{Environment.NewLine}"
                + $"Install it: apt-get update && apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common uuid-runtime curl; "
                + $"or start one (.ci/ceph-s3.sh start <dir> <port>) and set {EndpointVariable} (and {DirectoryVariable}=<dir>).");
        }

        _startedDirectory = directory;
        CephDirectory = directory;
        Endpoint = started;
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedDirectory is not null)
        {
            await RunAsync("bash", FindScript(), "stop", _startedDirectory);
            Directory.Delete(_startedDirectory, recursive: true);
        }
    }

    internal S3TraceStoreOptions Options(string bucket, Uri? endpoint = null) => new()
    {
        ServiceUrl = (endpoint ?? Endpoint).ToString(),
        Region = "us-east-1",
        Bucket = bucket,
        AccessKey = "DEVAK",
        SecretKey = "DEVSK",
        ForcePathStyle = true,
    };

    internal IAmazonS3 Client(Uri? endpoint = null) => S3Clients.Create(Options("unused-traces-sgp", endpoint));

    /// <summary>The apps' <c>Regional:Traces:S3:*</c> settings for this gateway and <paramref name="bucket"/>.</summary>
    internal Dictionary<string, string?> Settings(string bucket) => new()
    {
        ["Regional:Traces:S3:ServiceUrl"] = Endpoint.ToString(),
        ["Regional:Traces:S3:Region"] = "us-east-1",
        ["Regional:Traces:S3:Bucket"] = bucket,
        ["Regional:Traces:S3:AccessKey"] = "DEVAK",
        ["Regional:Traces:S3:SecretKey"] = "DEVSK",
        ["Regional:Traces:S3:ForcePathStyle"] = "true",
    };

    /// <summary>
    /// A fresh bucket for one test, named by the zone rule, whose lifecycle holds the zone's traces to
    /// <paramref name="lifecycleDays"/> days as the deployment plan's rule would (so one day less in the rule, for S3's
    /// rounding to midnight); null: no lifecycle at all.
    /// </summary>
    public Task<string> NewBucketAsync(string zone, int? lifecycleDays) =>
        NewBucketAsync(zone, lifecycleDays is { } days ? [LifecycleRuleSpec.Traces(zone, days)] : []);

    /// <summary>A fresh bucket for one test with exactly these rules.</summary>
    public async Task<string> NewBucketAsync(string zone, IReadOnlyList<LifecycleRuleSpec> rules)
    {
        var bucket = await EmptyBucketAsync(zone);
        if (rules.Count > 0)
        {
            using var s3 = Client();
            await TraceLifecycle.PutRulesAsync(s3, bucket, rules, CancellationToken.None);
        }

        return bucket;
    }

    /// <summary>A fresh bucket whose one rule expires the zone's trace prefix after exactly <paramref name="ruleDays"/> days: for the check's refusals.</summary>
    public async Task<string> NewBucketWithRuleDaysAsync(string zone, int ruleDays)
    {
        var bucket = await EmptyBucketAsync(zone);
        using var s3 = Client();
        await TraceLifecycle.PutRawRulesAsync(s3, bucket, [($"raw-{zone}", TraceKeys.Prefix(zone), ruleDays)], CancellationToken.None);
        return bucket;
    }

    private async Task<string> EmptyBucketAsync(string zone)
    {
        var bucket = $"t-traces-{zone}-{Guid.NewGuid():N}"[..40];
        using var s3 = Client();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }

    /// <summary>Runs the gateway's lifecycle processing now, when this fixture knows where the gateway lives.</summary>
    public async Task ProcessLifecycleAsync()
    {
        if (CephDirectory is not null)
        {
            await RunAsync("bash", FindScript(), "lc-process", CephDirectory);
        }
    }

    /// <summary>Kills the gateway (objects stay), or starts it again; needs the gateway's directory.</summary>
    public async Task GatewayAsync(bool up)
    {
        var directory = CephDirectory ?? throw new InvalidOperationException(
            $"This test stops and restarts the gateway: set {DirectoryVariable} to the directory given to .ci/ceph-s3.sh start, or unset {EndpointVariable} so the tests start their own.");
        var (code, _, error) = await RunAsync("bash", FindScript(), up ? "start-rgw" : "stop-rgw", directory);
        if (code != 0)
        {
            throw new InvalidOperationException($"ceph-s3.sh {(up ? "start-rgw" : "stop-rgw")} failed: {error}");
        }
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "ceph-s3.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException($"No .ci/ceph-s3.sh above {AppContext.BaseDirectory}: run the tests from the repository, or set {EndpointVariable}.");
    }

    private static int FreePort()
    {
        // Mon ports are the gateway's + 1 and + 2: look for three free ones in a row.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (port < 65000 && IsFree(port + 1) && IsFree(port + 2))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No three free loopback ports in a row for the Ceph gateway.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
