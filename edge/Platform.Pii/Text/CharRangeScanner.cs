using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Platform.Pii.Text;

/// <summary>
/// The positions of the chars within one or two ranges, in text order, found 64 chars at a time with vector compares
/// and then read off a bit mask. A vectorised search call costs about 10 ns to set up, so a text dense in matches
/// (capitals in logs, digits in tables) paid one call per match; here it costs one pass plus a bit operation per match.
/// </summary>
internal ref struct CharRangeScanner
{
    private const int BlockChars = 64;

    private readonly ReadOnlySpan<char> _text;
    private readonly ushort _low1, _span1, _low2, _span2;
    private int _blockStart = -BlockChars;
    private ulong _mask;

    /// <summary>Chars in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public CharRangeScanner(ReadOnlySpan<char> text, char low, char high)
        : this(text, low, high, low, high)
    {
    }

    /// <summary>Chars in [<paramref name="low1"/>, <paramref name="high1"/>] or [<paramref name="low2"/>, <paramref name="high2"/>].</summary>
    public CharRangeScanner(ReadOnlySpan<char> text, char low1, char high1, char low2, char high2)
    {
        _text = text;
        (_low1, _span1, _low2, _span2) = (low1, (ushort)(high1 - low1), low2, (ushort)(high2 - low2));
    }

    /// <summary>Index of the first char in range at or after <paramref name="from"/>, or -1.</summary>
    public int Next(int from)
    {
        while (from < _text.Length)
        {
            var block = from & ~(BlockChars - 1);
            if (block != _blockStart)
            {
                _blockStart = block;
                _mask = MaskOf(block);
            }
            var pending = _mask & (ulong.MaxValue << (from - block));
            if (pending != 0)
            {
                return block + BitOperations.TrailingZeroCount(pending);
            }
            from = block + BlockChars;
        }
        return -1;
    }

    // One bit per char of the block: set when the char is in range (unsigned c - low <= high - low).
    private readonly ulong MaskOf(int block)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(_text[block..Math.Min(_text.Length, block + BlockChars)]);
        ulong mask = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var (low1, span1, low2, span2) = (Vector128.Create(_low1), Vector128.Create(_span1), Vector128.Create(_low2), Vector128.Create(_span2));
            for (; i + Vector128<ushort>.Count <= chars.Length; i += Vector128<ushort>.Count)
            {
                var v = Vector128.Create(chars.Slice(i, Vector128<ushort>.Count));
                var hit = Vector128.LessThanOrEqual(v - low1, span1) | Vector128.LessThanOrEqual(v - low2, span2);
                mask |= (ulong)hit.ExtractMostSignificantBits() << i;
            }
        }
        for (; i < chars.Length; i++)
        {
            var c = chars[i];
            if ((ushort)(c - _low1) <= _span1 || (ushort)(c - _low2) <= _span2)
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }
}
