using System.Buffers.Binary;
using System.Text;

namespace Platform.EndToEnd.Tests.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP export requests (no protobuf library in our mirror):
/// fields as (number, wire type, value), with nested messages as byte ranges to read again.
/// </summary>
internal static class ProtoWire
{
    public readonly record struct Field(int Number, int WireType, ulong Varint, ReadOnlyMemory<byte> Bytes)
    {
        public string String => Encoding.UTF8.GetString(Bytes.Span);
        public double Double => BitConverter.Int64BitsToDouble((long)Varint);
    }

    public static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var i = 0;
        while (i < message.Length)
        {
            var key = ReadVarint(message.Span, ref i);
            var number = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    yield return new Field(number, wire, ReadVarint(message.Span, ref i), default);
                    break;
                case 1:
                    yield return new Field(number, wire, BinaryPrimitives.ReadUInt64LittleEndian(message.Span[i..]), default);
                    i += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref i);
                    yield return new Field(number, wire, 0, message.Slice(i, length));
                    i += length;
                    break;
                case 5:
                    yield return new Field(number, wire, BinaryPrimitives.ReadUInt32LittleEndian(message.Span[i..]), default);
                    i += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wire} at byte {i}.");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
