using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Raw deflate (RFC 1951) for a palette card's filtered rows, in one pass: <see cref="RowMatches"/> finds the matches,
/// and each is written at once with a Huffman code trained on cards (<see cref="TrainedCardCodes"/>), sent in the block's
/// header as a dynamic code, one code for each ink since a stretch is one band of text in one ink. zlib-ng's level 1,
/// which stood here, hashes every place for matches and writes deflate's fixed code. On 2,000 cards of the
/// 10,000-brief corpus through <see cref="RowDeflater"/> (tests/StaticBriefs.Benchmarks `card-code`): 22.7 KiB and
/// 0.24 ms a card with zlib, 18.8 KiB and 0.15-0.17 ms with this; in the native tool's 10,000-brief build, 2.06 s of
/// processor time compressing cards became 1.32 s. Any bytes can be coded (every symbol has a code), only less
/// tightly; a stretch that would come out longer than stored is stored. Immutable once made, so threads share one.
/// </summary>
internal sealed partial class RowMatchCoder
{
    private const int LiteralLengthCodes = 286, DistanceCodes = 30, EndOfBlock = 256, StoredMax = 65535;

    private readonly TrainedCode[] _codes;

    /// <summary>
    /// A coder for rows of <paramref name="stride"/> bytes (row matches only when it is at most deflate's 32,768-byte
    /// window) with the codes trained on cards, one an ink (<see cref="TrainedCardCodes"/>).
    /// </summary>
    public RowMatchCoder(int stride)
    {
        Stride = stride is > 0 and <= RowMatches.MaxRow ? stride : 0;
        // Two distances are ever used, one bit each: 1 (symbol 0) and the row's length (or symbol 1, unused).
        var distanceBits = new byte[DistanceCodes];
        distanceBits[0] = 1;
        distanceBits[Stride > 1 ? DeflateTables.DistanceSymbol(Stride) : 1] = 1;
        var distanceCodes = new ushort[DistanceCodes];
        HuffmanLengths.Codes(distanceBits, distanceCodes);
        var run = DistanceCode(1, distanceCodes, distanceBits);
        var rowUp = Stride > 1 ? DistanceCode(Stride, distanceCodes, distanceBits) : run;
        _codes = [.. TrainedCardCodes.ByInk.Select(bits => new TrainedCode(bits, distanceBits, run, rowUp))];
    }

    /// <summary>The row length row matches reach back, or 0 for none.</summary>
    public int Stride { get; }

    /// <summary>
    /// Writes <paramref name="data"/> as deflate blocks, none final, ending on a byte as a zlib sync flush does, so
    /// another piece can follow.
    /// </summary>
    public void Write(ReadOnlySpan<byte> data, MemoryStream output)
    {
        if (data.IsEmpty) return;
        var code = _codes[Math.Min(InkOf(data), _codes.Length - 1)];
        // At most 15 bits a literal, or 34 bits a match of at least 3 bytes; the end code, the sync flush, and the
        // 8 bytes each store writes.
        var capacity = code.Header.Length + 2 * data.Length + 24;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var written = Code(data, code, buffer);
            if (written > data.Length + 5L * ((data.Length + StoredMax - 1) / StoredMax)) WriteStored(data, output);
            else output.Write(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The block: its header copied as it is (the buffer starts on a byte), then each symbol as it is found. Bits wait
    /// in a 64-bit word; after each symbol its whole bytes are stored (8 bytes written, the count advanced), so fewer
    /// than 8 bits wait when the next symbol (at most 34 bits) comes. Returns the bytes written.
    /// </summary>
    private int Code(ReadOnlySpan<byte> data, TrainedCode code, byte[] buffer)
    {
        ref var output = ref MemoryMarshal.GetArrayDataReference(buffer);
        var headerBytes = code.HeaderBits >> 3;
        code.Header.AsSpan(0, headerBytes).CopyTo(buffer);
        var at = headerBytes;
        var pending = (ulong)code.Header[headerBytes];
        var pendingBits = code.HeaderBits & 7;
        var literals = code.Literals;
        var runs = code.Runs;
        var rows = code.RowUps;
        ref var bytes = ref MemoryMarshal.GetReference(data);
        var n = data.Length;
        var up = Stride;
        for (var i = 0; i < n;)
        {
            ulong symbol;
            if (!RowMatches.Starts(ref bytes, n, i, up)) symbol = literals[Unsafe.Add(ref bytes, i++)];
            else
            {
                var length = RowMatches.Length(data, i, up, out var rowUp);
                symbol = rowUp ? rows[length] : runs[length];
                i += length;
            }
            // A symbol is its code's bits in the low 48, and how many there are above them.
            pending |= (symbol & 0xffff_ffff_ffff) << pendingBits;
            pendingBits += (int)(symbol >> 48);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, at), pending);
            at += pendingBits >> 3;
            pending >>= pendingBits & ~7;
            pendingBits &= 7;
        }
        var end = literals[EndOfBlock];
        pending |= (end & 0xffff_ffff_ffff) << pendingBits;
        // Then BFINAL 0, BTYPE 00 (three zero bits): the sync flush's empty stored block, padded to the byte.
        pendingBits += (int)(end >> 48) + 3;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref output, at), pending);
        at += (pendingBits + 7) >> 3;
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at), 0xffff0000u); // LEN 0, NLEN 0xffff
        return at + 4;
    }

    private static (uint Code, int Bits) DistanceCode(int distance, ReadOnlySpan<ushort> codes, ReadOnlySpan<byte> bits)
    {
        var d = DeflateTables.DistanceSymbol(distance);
        return (codes[d] | (uint)(distance - DeflateTables.DistanceBase[d]) << bits[d], bits[d] + DeflateTables.DistanceExtraBits[d]);
    }

    private static void WriteStored(ReadOnlySpan<byte> data, MemoryStream output)
    {
        Span<byte> header = stackalloc byte[5];
        do
        {
            var piece = data[..Math.Min(data.Length, StoredMax)];
            header[0] = 0; // BFINAL 0, BTYPE 00, padded to the byte
            BinaryPrimitives.WriteUInt16LittleEndian(header[1..], (ushort)piece.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[3..], (ushort)~piece.Length);
            output.Write(header);
            output.Write(piece);
            data = data[piece.Length..];
        }
        while (!data.IsEmpty);
    }

    /// <summary>
    /// The ink a stretch of card rows is drawn in: palette indices past the bar are ink steps (<see cref="CardInks"/>),
    /// and a stretch holds one band of text. Index 2 is skipped, since it is also the Up filter's byte.
    /// </summary>
    internal static int InkOf(ReadOnlySpan<byte> data)
    {
        var at = data.IndexOfAnyInRange((byte)3, (byte)255);
        return at < 0 ? 0 : (data[at] - 2) / CardInks.Levels;
    }

    /// <summary>
    /// One trained code, ready to write: its block's first bits (type and header), and each literal's, run's and row
    /// match's code as a symbol (<see cref="Code"/>: the bits, low first, and their count above bit 48).
    /// </summary>
    private sealed class TrainedCode
    {
        public TrainedCode(byte[] literalBits, byte[] distanceBits, (uint Code, int Bits) run, (uint Code, int Bits) rowUp)
        {
            if (literalBits.Length != LiteralLengthCodes || literalBits.Any(b => b is 0 or > 15))
                throw new ArgumentException("A trained code gives every literal/length symbol 1-15 bits.", nameof(literalBits));
            var literalCodes = new ushort[LiteralLengthCodes];
            HuffmanLengths.Codes(literalBits, literalCodes);
            for (var s = 0; s < LiteralLengthCodes; s++) Literals[s] = Symbol(literalCodes[s], literalBits[s]);
            for (var length = RowMatches.MinRun; length <= RowMatches.MaxMatch; length++)
            {
                var symbol = DeflateTables.LengthSymbol[length];
                var extra = symbol - 257;
                var lengthCode = literalCodes[symbol] | (ulong)(length - DeflateTables.LengthBase[extra]) << literalBits[symbol];
                var lengthBits = literalBits[symbol] + DeflateTables.LengthExtraBits[extra];
                Runs[length] = Symbol(lengthCode | (ulong)run.Code << lengthBits, lengthBits + run.Bits);
                RowUps[length] = Symbol(lengthCode | (ulong)rowUp.Code << lengthBits, lengthBits + rowUp.Bits);
            }
            var header = new DynamicHeader(literalBits, distanceBits);
            HeaderBits = (int)header.Bits;
            Header = new byte[(HeaderBits + 7) / 8 + 8];
            var writer = new BitWriter(Header);
            writer.Put(0b100, 3); // BFINAL 0, BTYPE 10: dynamic codes
            header.Write(ref writer);
            writer.AlignToByte();
        }

        /// <summary>The block's type bits and header, from the first byte's low bit; <see cref="HeaderBits"/> of them.</summary>
        public byte[] Header { get; }

        public int HeaderBits { get; }

        public ulong[] Literals { get; } = new ulong[LiteralLengthCodes];

        /// <summary>By length: the length's code and extra bits, then distance 1's code.</summary>
        public ulong[] Runs { get; } = new ulong[RowMatches.MaxMatch + 1];

        /// <summary>By length: the length's code and extra bits, then the row distance's code and extra bits.</summary>
        public ulong[] RowUps { get; } = new ulong[RowMatches.MaxMatch + 1];

        private static ulong Symbol(ulong bits, int count) => bits | (ulong)count << 48;
    }
}
