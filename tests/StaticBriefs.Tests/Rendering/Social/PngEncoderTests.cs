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

    [Fact]
    public void A_card_decodes_to_the_pixels_it_was_drawn_with()
    {
        using var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var card = new SocialCard("Desk", "A title long enough to wrap onto a second line of the card", "1 January 2024", ["Anthropic", "Ada Lovelace"]);
        using var surface = renderer.Draw(card);
        using var image = surface.Snapshot();
        using var drawn = image.PeekPixels();

        using var original = SKBitmap.Decode(renderer.Render(card));
        using var decoded = original.Copy(SKColorType.Rgba8888);

        var (a, b) = (decoded.GetPixelSpan().ToArray(), drawn.GetPixelSpan().ToArray());
        Assert.Equal(b.Length, a.Length);
        Assert.True(Enumerable.Range(0, a.Length / 4).All(p => a[4 * p] == b[4 * p] && a[4 * p + 1] == b[4 * p + 1] && a[4 * p + 2] == b[4 * p + 2]));
    }
}
