using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Contracts.OpenAi;

namespace Platform.GpuPools.Simulator.Serving;

internal static class SimulatorJson
{
    /// <summary>The shared wire options, but writing non-ASCII text (CJK answers) as UTF-8 rather than \u escapes, as vLLM does.</summary>
    public static readonly JsonSerializerOptions Options = new(ChatWire.Json) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
