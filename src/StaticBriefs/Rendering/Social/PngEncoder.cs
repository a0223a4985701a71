using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace StaticBriefs.Rendering.Social;

/// <summary>Takes a PNG's bytes, which stay valid only during the call.</summary>
internal delegate void PngBytes(ReadOnlySpan<byte> png);

/// <summary>
/// Encodes an opaque RGBA pixel buffer as an 8-bit RGB PNG, or palette indices as an 8-bit palette PNG (what cards use,
/// see <see cref="CardInks"/>). A card is mostly rows of flat colour: a row equal to the
/// one above is written with the Up filter (all zeros, which deflate passes over almost for free), any other row with
/// Sub. The filter choice depends on the pixels only, so the same card gives the same bytes. Measured on 10,000-brief
/// corpus cards (SocialCardProbe): libpng through SkiaSharp (Sub, zlib level 1) took 6.6 ms and 53 KiB a card; this
/// encoder at zlib level 2 takes 2.2 ms and 43 KiB (level 1: 1.6 ms, 61 KiB; level 6: 3.9 ms, 39 KiB).
/// </summary>
internal static class PngEncoder
{
    // Pixels are R, G, B, A bytes in memory; read as a little-endian uint, the colour is the low three bytes.
    private const uint RgbMask = 0x00ffffffu;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    /// <summary>The zlib level RGB cards are compressed at (see the figures above; palette cards: <see cref="RowDeflater"/>).</summary>
    public const int DefaultLevel = 2;

    /// <summary>
    /// The PNG of <paramref name="rgba"/>: 4 bytes a pixel (alpha ignored), rows of <paramref name="width"/> pixels
    /// starting every <paramref name="rowBytes"/> bytes.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int rowBytes, int level = DefaultLevel)
    {
        var stride = 1 + 3 * width;
        var raw = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            Filter(rgba, width, height, rowBytes, raw.AsSpan(0, stride * height));
            return Assemble(width, height, Truecolour, [], Compress(raw.AsSpan(0, stride * height), level));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>
    /// The PNG of palette indices (one byte a pixel, rows of <paramref name="width"/> with no gap) with their
    /// <paramref name="palette"/> (R, G, B per entry, at most 256). A row equal to the one above is written with the Up
    /// filter, any other unfiltered: indices are not quantities, so Sub would only scatter them.
    /// </summary>
    public static byte[] EncodeIndexed(ReadOnlySpan<byte> indices, int width, int height, ReadOnlySpan<byte> palette, RowDeflater deflater)
    {
        var stride = 1 + width;
        var raw = ArrayPool<byte>.Shared.Rent(stride * height);
        try
        {
            var lastLiteral = -1;
            for (var y = 0; y < height; y++)
            {
                indices.Slice(y * width, width).CopyTo(raw.AsSpan(y * stride + 1, width));
                lastLiteral = FilterIndexedRow(raw.AsSpan(0, stride * height), stride, y, lastLiteral);
            }
            return EncodeFilteredIndexed(raw.AsSpan(0, stride * height), width, height, palette, deflater);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>
    /// Chooses row <paramref name="y"/>'s filter, its indices already in place after its filter byte (rows of
    /// <paramref name="stride"/> = 1 + width bytes): Up, the indices turned to zeros, when they equal the last row written
    /// unfiltered (what the row above decodes to), else None. Returns the row the next one compares with.
    /// </summary>
    public static int FilterIndexedRow(Span<byte> filtered, int stride, int y, int lastLiteral)
    {
        var row = filtered.Slice(y * stride, stride);
        if (lastLiteral >= 0 && row[1..].SequenceEqual(filtered.Slice(lastLiteral * stride + 1, stride - 1)))
        {
            row[0] = 2; // Up
            row[1..].Clear();
            return lastLiteral;
        }
        row[0] = 0; // None
        return y;
    }

    /// <summary>The palette PNG of rows already filtered by <see cref="FilterIndexedRow"/>.</summary>
    public static byte[] EncodeFilteredIndexed(ReadOnlySpan<byte> filtered, int width, int height, ReadOnlySpan<byte> palette, RowDeflater deflater, CardPlan? plan = null)
    {
        byte[] png = [];
        WriteFilteredIndexed(filtered, width, height, palette, deflater, bytes => png = bytes.ToArray(), plan);
        return png;
    }

    /// <summary>
    /// As <see cref="EncodeFilteredIndexed"/>, handing the PNG to <paramref name="write"/> from a pooled buffer (valid
    /// only during the call) rather than in a new array: a build writes each card once, and their arrays were 11 MB of
    /// what a 750-post blog's build allocated (2.5 GB at 100,000 briefs).
    /// </summary>
    public static void WriteFilteredIndexed(
        ReadOnlySpan<byte> filtered, int width, int height, ReadOnlySpan<byte> palette, RowDeflater deflater, PngBytes write, CardPlan? plan = null)
    {
        if (palette.Length == 0 || palette.Length % 3 != 0 || palette.Length > 3 * 256) throw new ArgumentException("A palette is 1 to 256 RGB entries.", nameof(palette));
        if (filtered.Length != (1 + width) * height) throw new ArgumentException("Filtered rows are 1 + width bytes each.", nameof(filtered));
        ArgumentNullException.ThrowIfNull(write);
        var compressed = deflater.CompressToScratch(filtered, 1 + width, plan);
        var length = AssembledLength(palette, compressed);
        var png = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Assemble(width, height, Indexed, palette, compressed, png.AsSpan(0, length));
            write(png.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(png);
        }
    }

    private const byte Truecolour = 2, Indexed = 3;

    /// <summary>The zlib stream of filtered rows, through one stream.</summary>
    private static byte[] Compress(ReadOnlySpan<byte> filtered, int level)
    {
        using var idat = new MemoryStream(64 * 1024);
        using (var zlib = new ZLibStream(idat, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            zlib.Write(filtered);
        return idat.ToArray();
    }

    /// <summary>Signature, IHDR, PLTE (for palette images), one IDAT of the compressed rows, IEND.</summary>
    private static byte[] Assemble(int width, int height, byte colourType, ReadOnlySpan<byte> palette, ReadOnlySpan<byte> compressed)
    {
        var png = new byte[AssembledLength(palette, compressed)];
        Assemble(width, height, colourType, palette, compressed, png);
        return png;
    }

    private static int AssembledLength(ReadOnlySpan<byte> palette, ReadOnlySpan<byte> compressed) =>
        Signature.Length + (12 + 13) + (palette.Length == 0 ? 0 : 12 + palette.Length) + (12 + compressed.Length) + 12;

    /// <summary>The PNG's chunks into <paramref name="png"/>, <see cref="AssembledLength"/> bytes long.</summary>
    private static void Assemble(int width, int height, byte colourType, ReadOnlySpan<byte> palette, ReadOnlySpan<byte> compressed, Span<byte> png)
    {
        var plte = palette.Length == 0 ? 0 : 12 + palette.Length;
        var at = 0;
        Signature.CopyTo(png);
        at += Signature.Length;
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = colourType;
        at = Chunk(png, at, "IHDR"u8, header);
        if (plte > 0) at = Chunk(png, at, "PLTE"u8, palette);
        at = Chunk(png, at, "IDAT"u8, compressed);
        Chunk(png, at, "IEND"u8, []);
    }

    private static void Filter(ReadOnlySpan<byte> rgba, int width, int height, int rowBytes, Span<byte> raw)
    {
        var stride = 1 + 3 * width;
        for (var y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * rowBytes, 4 * width);
            var target = raw.Slice(y * stride, stride);
            if (y > 0 && SameColours(row, rgba.Slice((y - 1) * rowBytes, 4 * width)))
            {
                target[0] = 2; // Up: every byte equals the one above
                target[1..].Clear();
                continue;
            }
            target[0] = 1; // Sub: each byte minus the same channel of the pixel to its left
            target[1..].Clear();
            // Most pixels of a row repeat the one to their left (flat colour): their three bytes stay zero.
            var pixels = MemoryMarshal.Cast<byte, uint>(row);
            var left = 0u;
            for (var x = 0; x < pixels.Length; x++)
            {
                var pixel = BitConverter.IsLittleEndian ? pixels[x] : BinaryPrimitives.ReverseEndianness(pixels[x]);
                if (((pixel ^ left) & RgbMask) != 0)
                {
                    var o = 1 + 3 * x;
                    target[o] = (byte)(pixel - left);
                    target[o + 1] = (byte)((pixel >> 8) - (left >> 8));
                    target[o + 2] = (byte)((pixel >> 16) - (left >> 16));
                }
                left = pixel;
            }
        }
    }

    /// <summary>Whether two rows have the same colours, whatever their alpha bytes.</summary>
    private static bool SameColours(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var x = MemoryMarshal.Cast<byte, uint>(a);
        var y = MemoryMarshal.Cast<byte, uint>(b);
        var mask = new Vector<uint>(BitConverter.IsLittleEndian ? RgbMask : BinaryPrimitives.ReverseEndianness(RgbMask));
        var i = 0;
        for (; i + Vector<uint>.Count <= x.Length; i += Vector<uint>.Count)
            if (((new Vector<uint>(x[i..]) ^ new Vector<uint>(y[i..])) & mask) != Vector<uint>.Zero) return false;
        for (; i < x.Length; i++)
            if (((x[i] ^ y[i]) & mask.GetElement(0)) != 0) return false;
        return true;
    }

    private static int Chunk(Span<byte> png, int at, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png[at..], data.Length);
        type.CopyTo(png[(at + 4)..]);
        data.CopyTo(png[(at + 8)..]);
        BinaryPrimitives.WriteUInt32BigEndian(png[(at + 8 + data.Length)..], Crc32.HashToUInt32(png.Slice(at + 4, 4 + data.Length)));
        return at + 12 + data.Length;
    }
}
