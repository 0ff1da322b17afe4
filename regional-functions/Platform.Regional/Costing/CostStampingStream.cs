using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.OpenAi;

namespace Platform.Regional.Costing;

/// <summary>
/// Wraps a streamed response: the usage chunk (<c>"choices": []</c> with <c>usage</c>) gets an extra
/// <c>"platform_cost_usd"</c> field, since headers are long gone by then. Clients ignore fields they do not know.
/// Every other write passes through untouched.
/// </summary>
internal sealed class CostStampingStream(Stream inner, Func<Usage?, decimal> costOf) : Stream
{
    private static readonly byte[] Prefix = "data: {"u8.ToArray();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        await inner.WriteAsync(Stamp(buffer), cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(Stamp(buffer.AsMemory(offset, count)).Span);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    internal ReadOnlyMemory<byte> Stamp(ReadOnlyMemory<byte> buffer)
    {
        var span = buffer.Span;
        if (!span.StartsWith(Prefix) || span.IndexOf("\"usage\""u8) < 0)
        {
            return buffer;
        }

        try
        {
            var chunk = JsonNode.Parse(span[6..])!.AsObject();
            if (chunk["choices"] is not JsonArray { Count: 0 } || chunk["usage"] is not JsonObject usage)
            {
                return buffer;
            }

            chunk[CostField] = JsonValue.Create(costOf(usage.Deserialize<Usage>(ChatWire.Json)));
            return Encoding.UTF8.GetBytes("data: " + chunk.ToJsonString() + "\n\n");
        }
        catch (JsonException)
        {
            return buffer;
        }
    }

    public const string CostField = "platform_cost_usd";

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
