using System.Security.Cryptography;
using System.Text;
using Platform.Contracts.OpenAi;

namespace Platform.GpuPools.Simulator.Hosting;

/// <summary>
/// With <c>Simulator:ApiKey</c> set, the simulator stands in for a hosted OpenAI-compatible provider: /v1 answers 401,
/// as OpenAI does, unless the request carries <c>Authorization: Bearer &lt;key&gt;</c>. Unset (a vLLM pool), nothing is checked.
/// </summary>
internal sealed class BearerKeyMiddleware(RequestDelegate next, string key)
{
    public const string ApiKeyKey = "Simulator:ApiKey";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes("Bearer " + key);

    public Task InvokeAsync(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/v1")
        || CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), _expected)
            ? next(context)
            : OpenAiError.Result(StatusCodes.Status401Unauthorized, "Incorrect API key provided.", "invalid_api_key").ExecuteAsync(context);
}
