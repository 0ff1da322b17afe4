using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Platform.Contracts.OpenAi;

/// <summary>OpenAI's error body: <c>{"error":{"message","type","param","code"}}</c>. Messages never carry prompt text or PII.</summary>
public sealed record OpenAiError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string? Code)
{
    public static IResult Result(int status, string message, string? code = null, string? param = null) =>
        Results.Json(new OpenAiErrorBody(new OpenAiError(message, TypeFor(status), param, code)), statusCode: status);

    public static IResult BadRequest(string message, string? code = "invalid_request", string? param = null) =>
        Result(StatusCodes.Status400BadRequest, message, code, param);

    public static string TypeFor(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "invalid_request_error",
        429 => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}

public sealed record OpenAiErrorBody([property: JsonPropertyName("error")] OpenAiError Error);
