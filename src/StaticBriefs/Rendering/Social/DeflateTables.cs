namespace StaticBriefs.Rendering.Social;

/// <summary>Deflate's length and distance symbols and their extra bits, and the fixed code's lengths (RFC 1951 3.2.5-6).</summary>
internal static class DeflateTables
{
    /// <summary>The first match length of each length symbol 257-285, by symbol - 257.</summary>
    public static ReadOnlySpan<ushort> LengthBase => [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];

    /// <summary>The extra bits after each length symbol 257-285, by symbol - 257.</summary>
    public static ReadOnlySpan<byte> LengthExtraBits => [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

    /// <summary>The first distance of each distance symbol 0-29.</summary>
    public static ReadOnlySpan<ushort> DistanceBase => [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];

    /// <summary>The extra bits after each distance symbol 0-29.</summary>
    public static ReadOnlySpan<byte> DistanceExtraBits => [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>The length symbol (257-285) of each match length 0-258 (0-2 unused).</summary>
    public static readonly ushort[] LengthSymbol = BuildLengthSymbols();

    /// <summary>The distance symbol (0-29) of a distance 1-32768.</summary>
    public static int DistanceSymbol(int distance)
    {
        var symbol = DistanceBase.Length - 1;
        while (DistanceBase[symbol] > distance) symbol--;
        return symbol;
    }

    /// <summary>The bits of a literal/length symbol in the fixed code.</summary>
    public static byte FixedLiteralBits(int symbol) => symbol switch { < 144 => 8, < 256 => 9, < 280 => 7, _ => 8 };

    private static ushort[] BuildLengthSymbols()
    {
        var symbols = new ushort[259];
        for (var length = 3; length <= 258; length++)
        {
            var code = LengthBase.Length - 1;
            while (LengthBase[code] > length) code--;
            symbols[length] = (ushort)(257 + code);
        }
        return symbols;
    }
}
