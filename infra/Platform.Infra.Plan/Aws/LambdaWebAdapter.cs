using System.Text.RegularExpressions;

namespace Platform.Infra.Plan;

/// <summary>
/// The AWS Lambda Web Adapter (awslabs/aws-lambda-web-adapter): the layer that runs an ordinary web app in Lambda,
/// and the settings it reads. Layer account and version as its "Zip Packages" guide lists them.
/// </summary>
public static partial class LambdaWebAdapter
{
    /// <summary>The account that publishes the layer in every commercial (<c>aws</c>) region.</summary>
    public const string CommercialAccount = "753240598075";
    public const string LayerName = "LambdaAdapterLayerX86";
    public const int LayerVersion = 26;

    /// <summary>The wrapper script in the layer that starts the adapter, then the handler script.</summary>
    public const string ExecWrapper = "/opt/bootstrap";

    /// <summary>The handler: the startup script in the package that runs the app.</summary>
    public const string Handler = "run.sh";

    /// <summary>Where the app listens inside the sandbox; the adapter forwards to it.</summary>
    public const int AppPort = 8080;

    /// <summary>The regional app's liveness endpoint; the adapter waits for it before the first invocation.</summary>
    public const string ReadinessPath = "/healthz";

    /// <summary>
    /// Where the adapter posts non-HTTP events (the hourly <see cref="SweepSchedulePlan"/>): the app's own constant, set
    /// explicitly so a change of the adapter's default cannot silently stop the sweeps.
    /// </summary>
    public const string PassThroughPath = Platform.Traces.ExpirySweepEvents.Path;

    /// <summary>The adapter's invoke mode that streams the response, so server-sent events reach the client as they are written.</summary>
    public const string InvokeMode = "response_stream";

    /// <summary>The published layer in a commercial region; other partitions publish their own and are configured.</summary>
    public static string? PublicLayerArn(string partition, string region) =>
        partition == "aws" ? $"arn:aws:lambda:{region}:{CommercialAccount}:layer:{LayerName}:{LayerVersion}" : null;

    public static bool IsLayerArn(AwsArn arn) => arn.Service == "lambda" && LayerResource().IsMatch(arn.Resource);

    /// <summary>The adapter's settings, as environment variables of the function.</summary>
    public static IReadOnlyDictionary<string, string> Environment() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_LAMBDA_EXEC_WRAPPER"] = ExecWrapper,
        ["AWS_LWA_INVOKE_MODE"] = InvokeMode,
        ["AWS_LWA_PORT"] = AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PORT"] = AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AWS_LWA_READINESS_CHECK_PATH"] = ReadinessPath,
        ["AWS_LWA_READINESS_CHECK_PROTOCOL"] = "http",
        ["AWS_LWA_PASS_THROUGH_PATH"] = PassThroughPath,
    };

    [GeneratedRegex("^layer:[A-Za-z0-9_-]+:[0-9]+$")]
    private static partial Regex LayerResource();
}
