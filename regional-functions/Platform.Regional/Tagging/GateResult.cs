using Platform.Contracts.Tags;

namespace Platform.Regional.Tagging;

/// <summary>Whether a request may be served here: its verified tags, or the OpenAI error to answer with.</summary>
internal sealed record GateResult(RequestTags? Tags, int Status, string? Message, string? Code)
{
    public bool Admitted => Status == StatusCodes.Status200OK;

    public static GateResult Admit(RequestTags tags) => new(tags, StatusCodes.Status200OK, null, null);

    public static GateResult Refuse(int status, string message, string code) => new(null, status, message, code);
}
