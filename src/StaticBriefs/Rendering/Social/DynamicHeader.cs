namespace StaticBriefs.Rendering.Social;

/// <summary>
/// The header of a deflate block with dynamic codes (RFC 1951 3.2.7), after its three block-type bits: the code
/// lengths of the literal/length and distance codes, run-length coded, and the code those are coded with.
/// </summary>
internal sealed class DynamicHeader
{
    private static ReadOnlySpan<byte> CodeLengthOrder => [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    // Each entry: a code-length symbol (0-18), then its extra value.
    private readonly byte[] _symbols;
    private readonly int _count, _literalCount, _distanceCount, _codeLengthCount;
    private readonly byte[] _codeLengthBits = new byte[19];
    private readonly ushort[] _codeLengthCodes = new ushort[19];

    /// <summary>The header for codes of these lengths (the literal/length code's 257-286, the distance code's 1-30).</summary>
    public DynamicHeader(ReadOnlySpan<byte> literalBits, ReadOnlySpan<byte> distanceBits)
    {
        _literalCount = LastUsed(literalBits, 257);
        _distanceCount = LastUsed(distanceBits, 1);
        var lengths = new byte[_literalCount + _distanceCount];
        literalBits[.._literalCount].CopyTo(lengths);
        distanceBits[.._distanceCount].CopyTo(lengths.AsSpan(_literalCount));
        _symbols = new byte[2 * lengths.Length];
        _count = RunLengths(lengths, _symbols);
        Span<int> frequencies = stackalloc int[19];
        frequencies.Clear();
        for (var i = 0; i < _count; i++) frequencies[_symbols[2 * i]]++;
        HuffmanLengths.Build(frequencies, _codeLengthBits, 7);
        HuffmanLengths.Codes(_codeLengthBits, _codeLengthCodes);
        _codeLengthCount = 19;
        while (_codeLengthCount > 4 && _codeLengthBits[CodeLengthOrder[_codeLengthCount - 1]] == 0) _codeLengthCount--;
        long bits = 3 + 5 + 5 + 4 + 3L * _codeLengthCount;
        for (var i = 0; i < _count; i++) bits += _codeLengthBits[_symbols[2 * i]] + ExtraBitsOf(_symbols[2 * i]);
        Bits = bits;
    }

    /// <summary>The header's length in bits, the block's three type bits included.</summary>
    public long Bits { get; }

    /// <summary>Writes the header (not the block-type bits).</summary>
    public void Write(ref BitWriter writer)
    {
        writer.Put((uint)(_literalCount - 257), 5);
        writer.Put((uint)(_distanceCount - 1), 5);
        writer.Put((uint)(_codeLengthCount - 4), 4);
        for (var i = 0; i < _codeLengthCount; i++) writer.Put(_codeLengthBits[CodeLengthOrder[i]], 3);
        for (var i = 0; i < _count; i++)
        {
            var symbol = _symbols[2 * i];
            writer.Put(_codeLengthCodes[symbol], _codeLengthBits[symbol]);
            writer.Put(_symbols[2 * i + 1], ExtraBitsOf(symbol));
        }
    }

    private static int ExtraBitsOf(int symbol) => symbol switch { 16 => 2, 17 => 3, 18 => 7, _ => 0 };

    private static int LastUsed(ReadOnlySpan<byte> bits, int least)
    {
        var count = bits.Length;
        while (count > least && bits[count - 1] == 0) count--;
        return count;
    }

    /// <summary>Codes a sequence of code lengths with 16 (repeat the last 3-6 times), 17 and 18 (3-10, 11-138 zeros).</summary>
    private static int RunLengths(ReadOnlySpan<byte> lengths, Span<byte> symbols)
    {
        var count = 0;
        for (var i = 0; i < lengths.Length;)
        {
            var value = lengths[i];
            var run = 1;
            while (i + run < lengths.Length && lengths[i + run] == value) run++;
            i += run;
            if (value == 0)
            {
                while (run >= 11) { var take = Math.Min(run, 138); Add(symbols, ref count, 18, take - 11); run -= take; }
                if (run >= 3) { Add(symbols, ref count, 17, run - 3); run = 0; }
            }
            else
            {
                Add(symbols, ref count, value, 0);
                run--;
                while (run >= 3) { var take = Math.Min(run, 6); Add(symbols, ref count, 16, take - 3); run -= take; }
            }
            while (run-- > 0) Add(symbols, ref count, value, 0);
        }
        return count;
    }

    private static void Add(Span<byte> symbols, ref int count, int symbol, int extra)
    {
        symbols[2 * count] = (byte)symbol;
        symbols[2 * count + 1] = (byte)extra;
        count++;
    }
}
