namespace Platform.EndToEnd.Tests.Telemetry;

/// <summary>A span as an OTLP receiver got it: ids in hex, name, kind, and attributes (string, bool, long, double or string[]).</summary>
internal sealed record OtlpSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, object> Attributes)
{
    public T Attr<T>(string key) => Attributes.TryGetValue(key, out var v) ? (T)v : throw new ShouldAssertException($"span '{Name}' has no attribute {key}; it has {string.Join(", ", Attributes.Keys)}");

    /// <summary>Reads every span of an <c>ExportTraceServiceRequest</c> (opentelemetry-proto trace/v1/trace.proto field numbers).</summary>
    public static IEnumerable<OtlpSpan> Read(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceSpans in ProtoWire.Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in ProtoWire.Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                var scope = ProtoWire.Fields(scopeSpans.Bytes).Where(f => f.Number == 1)
                    .SelectMany(s => ProtoWire.Fields(s.Bytes)).Where(f => f.Number == 1).Select(f => f.String).FirstOrDefault() ?? "";
                foreach (var span in ProtoWire.Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    yield return ReadSpan(scope, span.Bytes);
                }
            }
        }
    }

    private static OtlpSpan ReadSpan(string scope, ReadOnlyMemory<byte> span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, object>();
        foreach (var f in ProtoWire.Fields(span))
        {
            switch (f.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(f.Bytes.Span); break;
                case 2: spanId = Convert.ToHexStringLower(f.Bytes.Span); break;
                case 4: parent = Convert.ToHexStringLower(f.Bytes.Span); break;
                case 5: name = f.String; break;
                case 6: kind = (int)f.Varint; break;
                case 9:
                    var (key, value) = KeyValue(f.Bytes);
                    attributes[key] = value;
                    break;
            }
        }

        return new OtlpSpan(scope, traceId, spanId, parent, name, kind, attributes);
    }

    private static (string Key, object Value) KeyValue(ReadOnlyMemory<byte> kv)
    {
        var key = "";
        object value = "";
        foreach (var f in ProtoWire.Fields(kv))
        {
            if (f.Number == 1)
            {
                key = f.String;
            }
            else if (f.Number == 2)
            {
                value = AnyValue(f.Bytes);
            }
        }

        return (key, value);
    }

    // common/v1/common.proto AnyValue: 1 string, 2 bool, 3 int, 4 double, 5 array.
    private static object AnyValue(ReadOnlyMemory<byte> any)
    {
        foreach (var f in ProtoWire.Fields(any))
        {
            switch (f.Number)
            {
                case 1: return f.String;
                case 2: return f.Varint != 0;
                case 3: return (long)f.Varint;
                case 4: return f.Double;
                case 5: return ProtoWire.Fields(f.Bytes).Where(v => v.Number == 1).Select(v => AnyValue(v.Bytes).ToString()!).ToArray();
            }
        }

        return "";
    }
}
