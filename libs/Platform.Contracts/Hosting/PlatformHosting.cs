using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Compliance;

namespace Platform.Contracts.Hosting;

/// <summary>What every platform app sets up the same way: the compliance model and where to listen on serverless hosts.</summary>
public static class PlatformHosting
{
    public const string PoliciesDirectoryKey = "Platform:PoliciesDirectory";

    /// <summary>The embedded policies, or a directory's when <c>Platform:PoliciesDirectory</c> is set; refused at start if invalid.</summary>
    public static IServiceCollection AddComplianceModel(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = configuration[PoliciesDirectoryKey];
        var model = string.IsNullOrEmpty(directory) ? ComplianceModel.Embedded : ComplianceModel.Load(directory);
        return services.AddSingleton(model);
    }

    /// <summary>
    /// Azure Functions' custom handler and the AWS Lambda Web Adapter tell the app its port by environment;
    /// honouring them here lets one binary run locally, in Kubernetes, on Lambda and on Functions.
    /// </summary>
    public static WebApplicationBuilder UseServerlessPort(this WebApplicationBuilder builder)
    {
        var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") ?? Environment.GetEnvironmentVariable("AWS_LWA_PORT");
        if (!string.IsNullOrEmpty(port))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        return builder;
    }
}
