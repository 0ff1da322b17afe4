namespace Platform.Regional.Metrics;

/// <summary>One line of a Prometheus text exposition: a metric name, its labels and its value.</summary>
internal sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
