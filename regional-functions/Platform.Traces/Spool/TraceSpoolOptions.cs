using Microsoft.Extensions.Configuration;

namespace Platform.Traces.Spool;

/// <summary>The zone-local disk where traces wait for their store (<c>Regional:Traces:Spool:*</c>).</summary>
internal sealed record TraceSpoolOptions(string Directory, long MaxBytes, int MaxEntries)
{
    public const string Section = "Regional:Traces:Spool";
    public const long DefaultMaxBytes = 1L << 30;
    public const int DefaultMaxEntries = 100_000;

    public static TraceSpoolOptions From(IConfiguration configuration, string zone)
    {
        var s = configuration.GetSection(Section);
        var options = new TraceSpoolOptions(
            s["Directory"] is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "platform-trace-spool", zone),
            s.GetValue("MaxBytes", DefaultMaxBytes),
            s.GetValue("MaxEntries", DefaultMaxEntries));
        var problems = new List<string>();
        if (options.MaxBytes <= 0)
        {
            problems.Add($"{Section}:MaxBytes must be a positive number of bytes (default {DefaultMaxBytes}).");
        }

        if (options.MaxEntries <= 0)
        {
            problems.Add($"{Section}:MaxEntries must be a positive number (default {DefaultMaxEntries}).");
        }

        return problems.Count == 0 ? options : throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }
}
