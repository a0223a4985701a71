using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>The social cards' own PNG encoder: the pixels survive exactly, flat rows cost nothing, the bytes repeat.</summary>
public sealed class PngEncoderTests
{
    private const int Width = 37;
    private const int Height = 9;

    /// <summary>RGBA rows with padding after each (row bytes 4 * width + 8): flat rows, repeated rows, and noise.</summary>
    private static (byte[] Pixels, int RowBytes) Sample()
    {
        var rowBytes = 4 * Width + 8;
        var pixels = new byte[rowBytes * Height];
        var random = new Random(7);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var at = y * rowBytes + 4 * x;
                // Rows 0-2 flat, 3-4 noise, 5 a copy of 4, 6-8 a gradient.
                var (r, g, b) = y switch
                {
                    < 3 => (15, 20, 25),
                    3 or 4 => (random.Next(256), random.Next(256), random.Next(256)),
                    5 => (pixels[4 * rowBytes + 4 * x], pixels[4 * rowBytes + 4 * x + 1], pixels[4 * rowBytes + 4 * x + 2]),
                    _ => (x * 7, 255 - x * 5, y * 20),
                };
                (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = ((byte)r, (byte)g, (byte)b, (byte)random.Next(256));
            }
            for (var pad = 4 * Width; pad < rowBytes; pad++) pixels[y * rowBytes + pad] = 0xee;
        }
        return (pixels, rowBytes);
    }

    private static byte[] Inflate(byte[] png)
    {
        // Signature (8) + IHDR chunk (25), then the single IDAT chunk.
        var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT"u8.ToArray(), png[37..41]);
        using var zlib = new ZLibStream(new MemoryStream(png, 41, length), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return raw.ToArray();
    }

    [Fact]
    public void Decoding_gives_back_every_pixel_colour()
    {
        var (pixels, rowBytes) = Sample();

        using var decoded = SKBitmap.Decode(PngEncoder.Encode(pixels, Width, Height, rowBytes));

        Assert.Equal((Width, Height), (decoded.Width, decoded.Height));
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var at = y * rowBytes + 4 * x;
                Assert.Equal(new SKColor(pixels[at], pixels[at + 1], pixels[at + 2]), decoded.GetPixel(x, y));
            }
    }

    [Fact]
    public void A_row_equal_to_the_one_above_uses_the_up_filter_and_others_sub()
    {
        var (pixels, rowBytes) = Sample();

        var raw = Inflate(PngEncoder.Encode(pixels, Width, Height, rowBytes));

        var stride = 1 + 3 * Width;
        Assert.Equal(stride * Height, raw.Length);
        Assert.Equal([1, 2, 2, 1, 1, 2, 1, 1, 1], Enumerable.Range(0, Height).Select(y => raw[y * stride]));
        Assert.All(Enumerable.Range(1, stride - 1), i => Assert.Equal(0, raw[5 * stride + i]));
        // Sub: a flat row is its first pixel, then zeros.
        Assert.Equal([15, 20, 25, 0, 0, 0], raw[1..7]);
    }

    [Fact]
    public void The_same_pixels_give_the_same_bytes_and_an_rgb_header()
    {
        var (pixels, rowBytes) = Sample();

        var png = PngEncoder.Encode(pixels, Width, Height, rowBytes);

        Assert.Equal(png, PngEncoder.Encode(pixels.ToArray(), Width, Height, rowBytes));
        Assert.Equal([8, 2, 0, 0, 0], png[24..29]);
    }

    /// <summary>The chunks of a PNG by type, in order.</summary>
    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            chunks.Add((System.Text.Encoding.ASCII.GetString(png, at + 4, 4), png[(at + 8)..(at + 8 + length)]));
            at += 12 + length;
        }
        return chunks;
    }

    /// <summary>Indices of a 37 x 9 image: rows 0-2 equal, 3 varied, 4 a copy of 3, 5-8 varied.</summary>
    private static byte[] SampleIndices()
    {
        var indices = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                indices[y * Width + x] = (byte)(y switch { < 3 => 0, 4 => indices[3 * Width + x], _ => (x * 3 + y) % 5 });
        return indices;
    }

    private static readonly byte[] SamplePalette = [15, 20, 25, 108, 182, 255, 243, 246, 249, 157, 167, 179, 1, 2, 3];

    [Fact]
    public void A_palette_image_decodes_to_its_palette_colours()
    {
        var indices = SampleIndices();

        using var decoded = SKBitmap.Decode(PngEncoder.EncodeIndexed(indices, Width, Height, SamplePalette, new RowDeflater()));

        Assert.Equal((Width, Height), (decoded.Width, decoded.Height));
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                var i = 3 * indices[y * Width + x];
                Assert.Equal(new SKColor(SamplePalette[i], SamplePalette[i + 1], SamplePalette[i + 2]), decoded.GetPixel(x, y));
            }
    }

    [Fact]
    public void A_palette_image_has_its_palette_and_repeats_rows_with_the_up_filter()
    {
        var indices = SampleIndices();

        var png = PngEncoder.EncodeIndexed(indices, Width, Height, SamplePalette, new RowDeflater());

        var chunks = Chunks(png);
        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Equal([8, 3, 0, 0, 0], chunks[0].Data[8..13]);
        Assert.Equal(SamplePalette, chunks[1].Data);
        using var zlib = new ZLibStream(new MemoryStream(chunks[2].Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var stride = 1 + Width;
        Assert.Equal([0, 2, 2, 0, 2, 0, 0, 0, 0], Enumerable.Range(0, Height).Select(y => raw.ToArray()[y * stride]));
        Assert.Equal(indices[(3 * Width)..(4 * Width)], raw.ToArray()[(3 * stride + 1)..(4 * stride)]);
        Assert.Equal(png, PngEncoder.EncodeIndexed(indices.ToArray(), Width, Height, SamplePalette, new RowDeflater()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(3 * 257)]
    public void A_palette_of_no_entries_a_broken_entry_or_over_256_is_refused(int bytes) =>
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeIndexed(SampleIndices(), Width, Height, new byte[bytes], new RowDeflater()));

    [Fact]
    public void A_card_is_a_palette_png_within_two_levels_of_the_card_drawn_in_rgb()
    {
        using var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var card = new SocialCard("Desk", "A title long enough to wrap onto a second line of the card, Émile and Ådne gÿp", "1 January 2024", ["Anthropic", "Ada Lovelace"]);
        using var surface = renderer.Draw(card);
        using var drawn = surface.PeekPixels();

        var png = renderer.Render(card);
        using var original = SKBitmap.Decode(png);
        using var decoded = original.Copy(SKColorType.Rgba8888);

        Assert.Equal(3, png[25]); // IHDR colour type: palette
        var (a, b) = (decoded.GetPixelSpan().ToArray(), drawn.GetPixelSpan().ToArray());
        Assert.Equal(b.Length, a.Length);
        var largest = Enumerable.Range(0, a.Length).Where(i => i % 4 != 3).Max(i => Math.Abs(a[i] - b[i]));
        Assert.InRange(largest, 0, 2);
        // Text is there: the card is not all background and bar.
        Assert.True(Enumerable.Range(0, a.Length / 4).Count(p => a[4 * p] == 0xf3 && a[4 * p + 1] == 0xf6) > 1000);
    }
}
