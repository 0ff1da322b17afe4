using System.Globalization;
using System.Text;
using Platform.Regional.Routing;

namespace Platform.Regional.Metrics;

/// <summary>Reads the Prometheus text format (version 0.0.4) that vLLM serves at <c>/metrics</c>.</summary>
internal static class PrometheusText
{
    public const string Waiting = "vllm:num_requests_waiting";
    public const string Running = "vllm:num_requests_running";
    public const string KvCacheUsage = "vllm:kv_cache_usage_perc";

    /// <summary>The samples of a scrape; a line that does not parse is skipped, not fatal, so one odd metric never hides the load.</summary>
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (TryParseLine(line, out var sample))
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    /// <summary>
    /// The pool's load: requests summed over engines and models (one pool may run several), KV-cache use the
    /// fullest engine's. Null when the scrape has none of vLLM's load metrics.
    /// </summary>
    public static PoolLoad? LoadOf(IReadOnlyList<MetricSample> samples)
    {
        var known = samples.Where(s => s.Name is Waiting or Running or KvCacheUsage && double.IsFinite(s.Value)).ToArray();
        if (known.Length == 0)
        {
            return null;
        }

        return new PoolLoad(
            known.Where(s => s.Name == Waiting).Sum(s => s.Value),
            known.Where(s => s.Name == Running).Sum(s => s.Value),
            known.Where(s => s.Name == KvCacheUsage).Select(s => s.Value).DefaultIfEmpty(0).Max());
    }

    private static bool TryParseLine(string line, out MetricSample sample)
    {
        sample = null!;
        var i = 0;
        while (i < line.Length && line[i] != '{' && !char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var name = line[..i];
        if (name.Length == 0)
        {
            return false;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{' && !TryParseLabels(line, ref i, labels))
        {
            return false;
        }

        var rest = line[i..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length == 0 || !TryParseValue(rest[0], out var value))
        {
            return false;
        }

        sample = new MetricSample(name, labels, value);
        return true;
    }

    // i points at '{'; on success it points just past the matching '}'.
    private static bool TryParseLabels(string line, ref int i, Dictionary<string, string> labels)
    {
        i++;
        while (true)
        {
            while (i < line.Length && (line[i] == ',' || char.IsWhiteSpace(line[i])))
            {
                i++;
            }

            if (i >= line.Length)
            {
                return false;
            }

            if (line[i] == '}')
            {
                i++;
                return true;
            }

            var eq = line.IndexOf('=', i);
            if (eq < 0 || eq + 1 >= line.Length || line[eq + 1] != '"')
            {
                return false;
            }

            var key = line[i..eq].Trim();
            var value = new StringBuilder();
            i = eq + 2;
            while (i < line.Length && line[i] != '"')
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }

                i++;
            }

            if (i >= line.Length)
            {
                return false;
            }

            i++; // closing quote
            labels[key] = value.ToString();
        }
    }

    private static bool TryParseValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
