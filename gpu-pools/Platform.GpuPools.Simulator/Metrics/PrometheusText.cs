using System.Globalization;
using System.Text;

namespace Platform.GpuPools.Simulator.Metrics;

/// <summary>Writes the Prometheus text exposition format the way vLLM's prometheus_client does (sorted labels, "1.0" style numbers).</summary>
internal sealed class PrometheusText(IReadOnlyList<(string Name, string Value)> labels)
{
    private readonly StringBuilder _text = new();

    public void Gauge(string name, string help, double value)
    {
        Header(name, help, "gauge");
        Sample(name, value);
    }

    /// <summary>A counter named without its <c>_total</c> suffix, as prometheus_client declares it.</summary>
    public void Counter(string name, string help, double value) => Counter(name, help, [(null, value)]);

    public void Counter(string name, string help, IEnumerable<((string Name, string Value)? Label, double Value)> series)
    {
        Header(name, help, "counter");
        foreach (var (label, value) in series)
        {
            Sample(name + "_total", value, label);
        }
    }

    public void Histogram(string name, string help, Histogram histogram)
    {
        Header(name, help, "histogram");
        var (cumulative, sum) = histogram.Read();
        for (var i = 0; i < cumulative.Length; i++)
        {
            var le = i < histogram.UpperBounds.Count ? histogram.UpperBounds[i] : double.PositiveInfinity;
            Sample(name + "_bucket", cumulative[i], ("le", Number(le)));
        }

        Sample(name + "_count", cumulative[^1]);
        Sample(name + "_sum", sum);
    }

    public override string ToString() => _text.ToString();

    internal static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : value == Math.Floor(value) && Math.Abs(value) < 1e15 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);

    private void Header(string name, string help, string type) =>
        _text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private void Sample(string name, double value, (string Name, string Value)? extra = null)
    {
        var all = extra is { } e ? labels.Append(e) : labels;
        _text.Append(name).Append('{')
            .AppendJoin(',', all.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}=\"{Escape(l.Value)}\""))
            .Append("} ").Append(Number(value)).Append('\n');
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
