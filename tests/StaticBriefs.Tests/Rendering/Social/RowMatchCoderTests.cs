using System.IO.Compression;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>
/// The card coder's deflate: whatever the bytes, an inflater reads back exactly them; card rows come out smaller than
/// zlib's level 1 made them; the trained tables are complete codes and still fit the cards drawn today.
/// </summary>
public sealed class RowMatchCoderTests
{
    private const int CardStride = 1 + SocialCard.Width;

    /// <summary>The raw deflate pieces followed by a final empty block, inflated.</summary>
    private static byte[] Inflate(byte[] pieces)
    {
        using var stream = new DeflateStream(new MemoryStream([.. pieces, 0x03, 0x00]), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        stream.CopyTo(raw);
        return raw.ToArray();
    }

    private static byte[] Code(byte[] data, int stride)
    {
        using var output = new MemoryStream();
        new RowMatchCoder(stride).Write(data, output);
        return output.ToArray();
    }

    /// <summary>Rows like a card's text band: filter byte, bar, background, strokes of one ink's steps repeated down a few rows.</summary>
    private static byte[] TextRows(int rows, int stride, int ink, int seed)
    {
        var random = new Random(seed);
        var data = new byte[rows * stride];
        for (var y = 0; y < rows; y++)
        {
            var row = data.AsSpan(y * stride, stride);
            row[1..Math.Min(stride, 8)].Fill(CardInks.BarIndex);
            if (y % 4 != 0 && y > 0)
            {
                data.AsSpan((y - 1) * stride + 1, stride - 1).CopyTo(row[1..]);
                if (stride > 20) row[random.Next(10, stride)] = (byte)(2 + ink * CardInks.Levels + random.Next(CardInks.Levels));
                continue;
            }
            for (var x = 20; x + 12 < stride; x += random.Next(12, 30))
            {
                row[x] = (byte)(2 + ink * CardInks.Levels + random.Next(CardInks.Levels));
                row[(x + 1)..(x + 6)].Fill((byte)(2 + ink * CardInks.Levels + CardInks.Levels - 1));
                row[x + 6] = (byte)(2 + ink * CardInks.Levels + random.Next(CardInks.Levels));
            }
        }
        return data;
    }

    public static TheoryData<string, int> Shapes => new()
    {
        { "one byte", 5 },
        { "zeros", CardStride },
        { "text rows, ink 0", CardStride },
        { "text rows, ink 1", CardStride },
        { "text rows, ink 2", CardStride },
        { "text rows, rows of one byte", 1 },
        { "text rows, rows of two bytes", 2 },
        { "text rows, rows longer than the window", 40_000 },
        { "random bytes", CardStride },
        { "random bytes past a stored block", CardStride },
        { "runs of every length", 300 },
    };

    private static byte[] Data(string shape, int stride) => shape switch
    {
        "one byte" => [7],
        "zeros" => new byte[20 * stride],
        "text rows, ink 0" => TextRows(30, stride, 0, 1),
        "text rows, ink 1" => TextRows(30, stride, 1, 2),
        "text rows, ink 2" => TextRows(30, stride, 2, 3),
        "random bytes" => RandomBytes(5 * stride, 4),
        "random bytes past a stored block" => RandomBytes(70_000, 5),
        "runs of every length" => [.. Enumerable.Range(1, 300).SelectMany(n => Enumerable.Repeat((byte)(n % 7 + 1), n))],
        _ => TextRows(40, stride, 1, 6),
    };

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void What_it_writes_inflates_to_the_bytes_given(string shape, int stride)
    {
        var data = Data(shape, stride);

        Assert.Equal(data, Inflate(Code(data, stride)));
    }

    [Fact]
    public void Bytes_no_code_shortens_are_stored_and_end_on_a_byte()
    {
        var data = RandomBytes(70_000, 9);

        var coded = Code(data, CardStride);

        // Two stored blocks: a 5-byte header each, then the bytes as they are.
        Assert.Equal(data.Length + 10, coded.Length);
        Assert.Equal(data, Inflate(coded));
    }

    [Fact]
    public void The_ink_of_a_stretch_is_its_first_coverage_step_and_the_up_filter_byte_is_not_one()
    {
        var stretch = new byte[3 * CardStride];
        stretch[0] = 2; // an Up row's filter byte, also ink 0's first step
        stretch[CardStride + 40] = (byte)(2 + CardInks.Levels + 30);

        Assert.Equal(1, RowMatchCoder.InkOf(stretch));
        Assert.Equal(0, RowMatchCoder.InkOf(new byte[CardStride]));
    }

    [Fact]
    public void Every_trained_table_is_a_complete_code_of_every_symbol()
    {
        Assert.Equal(3, TrainedCardCodes.ByInk.Count);
        foreach (var bits in TrainedCardCodes.ByInk)
        {
            Assert.Equal(286, bits.Length);
            Assert.All(bits, b => Assert.InRange(b, (byte)1, (byte)15));
            // Kraft's sum is exactly one: inflaters refuse a literal/length code with room left over.
            Assert.Equal(1L << 15, bits.Sum(b => 1L << (15 - b)));
        }
    }

    private static (SocialCardRenderer Renderer, SocialCard Card) SampleCard()
    {
        var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var card = new SocialCard("Briefing Desk", "Anthropic hires a former OpenAI safety lead to run its policy team in Europe", "19 May 2026", ["Anthropic", "OpenAI", "Dario Amodei"]);
        return (renderer, card);
    }

    [Fact]
    public void A_card_comes_out_a_sixth_smaller_than_zlib_level_1_made_it()
    {
        var (renderer, card) = SampleCard();
        using var zlib = new RowDeflater(zlibLevel: 1);
        using var trained = new RowDeflater();

        var before = renderer.RenderIndexed(card, zlib)!;
        var after = renderer.RenderIndexed(card, trained)!;

        Assert.True(after.Length * 6 <= before.Length * 5, $"{after.Length} bytes against zlib's {before.Length}");
        using var a = SkiaSharp.SKBitmap.Decode(before);
        using var b = SkiaSharp.SKBitmap.Decode(after);
        Assert.Equal(a.Pixels, b.Pixels);
        renderer.Dispose();
    }

    [Fact]
    public void The_trained_tables_code_a_card_drawn_today_within_a_tenth_of_codes_fitted_to_it()
    {
        // Guards the tables against a change in how cards are drawn (inks, steps, fonts): retrain with
        // `StaticBriefs.Benchmarks card-code OUTPUT/social --train FILE` when this fails.
        var (renderer, card) = SampleCard();
        var png = renderer.RenderIndexed(card)!;
        renderer.Dispose();
        var rows = PngRows(png);
        long trained = 0, fitted = 0;
        foreach (var piece in RowDeflater.Pieces(rows, CardStride).Where(p => p.BlankRows == 0))
        {
            var stretch = rows.AsSpan(piece.Start, piece.End - piece.Start);
            var found = RowMatches.Count(stretch, CardStride);
            var table = TrainedCardCodes.ByInk[RowMatchCoder.InkOf(stretch)];
            var own = new byte[286];
            HuffmanLengths.Build(found, own, 15);
            for (var s = 0; s < 286; s++)
            {
                trained += (long)found[s] * table[s];
                fitted += (long)found[s] * own[s];
            }
        }
        Assert.True(trained * 10 <= fitted * 11, $"{trained} bits with the trained tables against {fitted} fitted");
    }

    internal static byte[] PngRows(byte[] png)
    {
        using var idat = new MemoryStream();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8)) idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var rows = new MemoryStream();
        zlib.CopyTo(rows);
        return rows.ToArray();
    }
}
