namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Raw deflate (RFC 1951) for a run of blank Up rows, each the filter byte 2 and then zeros (the pieces
/// <see cref="RowDeflater"/> keeps), written directly rather than searched for. The first row is the filter byte and
/// one zero as literals and the other zeros as matches one byte back (258 at a time). The rest is coded the shorter of
/// two ways, each with one dynamic code fitted to its few symbols: every row alike, or all of it as matches a row back
/// (cheap when the row's distance needs few extra bits). zlib at level 9, which stood here, searched the whole run's
/// bytes once per run length (0.4-0.8 MB of zeros for a card, 2-4 ms each): 4% of a 256-post blog's build, where cards
/// come in a few dozen layouts. For a card's 1,201-byte rows its streams were 20 bits a row against these 23.
/// </summary>
internal static class BlankRunCoder
{
    private const int LiteralLengthCodes = 286, DistanceCodes = 30, EndOfBlock = 256, MaxMatch = 258, MinMatch = 3, Window = 32768;

    /// <summary>A literal (distance 0) or a match: its length symbol and extra bits, and the distance it reaches back.</summary>
    private readonly record struct Token(int Symbol, uint Extra, int ExtraBits, int Distance);

    /// <summary>
    /// The deflate blocks, none final, of <paramref name="rows"/> rows of <paramref name="stride"/> bytes (the filter
    /// byte 2, then zeros), ending on a byte as a zlib sync flush does, so another piece can follow.
    /// </summary>
    public static byte[] Encode(int rows, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        var row = RowTokens(stride);
        // Row by row: the first row's tokens, once per row.
        var alike = Encode([(row, rows)], stride);
        if (rows == 1 || stride > Window) return alike;
        // Or the first row, then everything after it as matches of the row above.
        var rest = Matches((rows - 1) * stride, stride, stride);
        var upward = Encode([(row, 1), (rest, 1)], stride);
        return upward.Length < alike.Length ? upward : alike;
    }

    /// <summary>One row's tokens: the filter byte and a zero as literals, the other zeros as matches one back.</summary>
    private static List<Token> RowTokens(int stride)
    {
        var tokens = new List<Token> { new(2, 0, 0, 0) };
        if (stride > 1) tokens.Add(new(0, 0, 0, 0));
        tokens.AddRange(Matches(Math.Max(0, stride - 2), 1, stride));
        return tokens;
    }

    /// <summary>
    /// Matches reaching <paramref name="distance"/> back covering <paramref name="length"/> bytes that end a row of
    /// <paramref name="stride"/>, 258 at a time and never leaving fewer than three (no match takes those) but at the
    /// very end, where the last one or two bytes are literals.
    /// </summary>
    private static List<Token> Matches(int length, int distance, int stride)
    {
        var tokens = new List<Token>();
        while (length >= MinMatch)
        {
            var take = RowMatches.Take(length, MinMatch);
            var symbol = DeflateTables.LengthSymbol[take];
            tokens.Add(new(symbol, (uint)(take - DeflateTables.LengthBase[symbol - 257]), DeflateTables.LengthExtraBits[symbol - 257], distance));
            length -= take;
        }
        // The last bytes of a row: zeros, or its filter byte where rows are that short.
        for (; length > 0; length--) tokens.Add(new((stride - length) % stride == 0 ? 2 : 0, 0, 0, 0));
        return tokens;
    }

    /// <summary>One block with a dynamic code fitted to the tokens (each list written its count of times), then the sync flush.</summary>
    private static byte[] Encode(ReadOnlySpan<(List<Token> Tokens, int Times)> parts, int stride)
    {
        Span<int> frequencies = stackalloc int[LiteralLengthCodes];
        frequencies.Clear();
        foreach (var (tokens, times) in parts)
        {
            foreach (var token in tokens) frequencies[token.Symbol] += times;
        }
        frequencies[EndOfBlock] = 1;
        var literalBits = new byte[LiteralLengthCodes];
        HuffmanLengths.Build(frequencies, literalBits, 15);
        var literalCodes = new ushort[LiteralLengthCodes];
        HuffmanLengths.Codes(literalBits, literalCodes);
        // Two distances at most, one bit each (a complete code): one byte back, and the row's length.
        var rowSymbol = stride <= Window ? DeflateTables.DistanceSymbol(stride) : 0;
        var distanceBits = new byte[DistanceCodes];
        distanceBits[0] = 1;
        distanceBits[rowSymbol == 0 ? 1 : rowSymbol] = 1;
        var distanceCodes = new ushort[DistanceCodes];
        HuffmanLengths.Codes(distanceBits, distanceCodes);
        var header = new DynamicHeader(literalBits, distanceBits);

        long bits = header.Bits + literalBits[EndOfBlock] + 3;
        foreach (var (tokens, times) in parts)
        {
            foreach (var token in tokens)
                bits += (long)times * (literalBits[token.Symbol] + token.ExtraBits + (token.Distance == 0 ? 0 : 1 + DistanceExtra(token.Distance)));
        }
        var buffer = new byte[(bits + 7) / 8 + 4 + 8];
        var writer = new BitWriter(buffer);
        writer.Put(0b100, 3); // BFINAL 0, BTYPE 10: dynamic codes
        header.Write(ref writer);
        foreach (var (tokens, times) in parts)
        {
            for (var time = 0; time < times; time++)
            {
                foreach (var token in tokens)
                {
                    writer.Put(literalCodes[token.Symbol], literalBits[token.Symbol]);
                    if (token.Distance == 0) continue;
                    writer.Put(token.Extra, token.ExtraBits);
                    var d = DeflateTables.DistanceSymbol(token.Distance);
                    writer.Put(distanceCodes[d], distanceBits[d]);
                    writer.Put((uint)(token.Distance - DeflateTables.DistanceBase[d]), DeflateTables.DistanceExtraBits[d]);
                }
            }
        }
        writer.Put(literalCodes[EndOfBlock], literalBits[EndOfBlock]);
        writer.Put(0, 3); // BFINAL 0, BTYPE 00: the sync flush's empty stored block, padded to the byte
        writer.AlignToByte();
        var at = writer.Written;
        buffer[at + 2] = buffer[at + 3] = 0xff; // LEN 0, NLEN 0xffff
        return buffer.AsSpan(0, at + 4).ToArray();
    }

    private static int DistanceExtra(int distance) => DeflateTables.DistanceExtraBits[DeflateTables.DistanceSymbol(distance)];

    /// <summary>How many bytes one row's tokens cover (for tests: every row is whole).</summary>
    internal static int RowLength(int stride) => RowTokens(stride).Sum(t => t.Distance == 0 ? 1 : DeflateTables.LengthBase[t.Symbol - 257] + (int)t.Extra);
}
