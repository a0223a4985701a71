using System.IO.Compression;
using System.IO.Hashing;
using StaticBriefs.Rendering.Social;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>
/// The palette cards' zlib stream made of pieces: runs of blank Up rows copied from kept pieces, the rows between
/// compressed on their own; whatever the layout, it inflates (checksum included) to exactly the rows given.
/// </summary>
public sealed class RowDeflaterTests
{
    private const int Stride = 1 + 61;

    /// <summary>Filtered rows: 'b' a blank Up row (filter 2, zeros), 't' a row of text (filter 0, varied indices).</summary>
    private static byte[] Rows(string layout, int seed = 3)
    {
        var random = new Random(seed);
        var rows = new byte[layout.Length * Stride];
        for (var y = 0; y < layout.Length; y++)
        {
            var row = rows.AsSpan(y * Stride, Stride);
            if (layout[y] == 'b')
            {
                row[0] = 2;
                continue;
            }
            row[1] = 1; // the bar
            for (var x = 10; x < Stride; x++) row[x] = random.Next(3) == 0 ? (byte)random.Next(2, 250) : (byte)0;
        }
        return rows;
    }

    /// <summary>The bytes a zlib stream inflates to; throws when its checksum or structure is wrong.</summary>
    private static byte[] Inflate(byte[] zlib)
    {
        using var stream = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        stream.CopyTo(raw);
        return raw.ToArray();
    }

    private static string Repeat(char c, int count) => new(c, count);

    public static TheoryData<string> Layouts => new()
    {
        Repeat('b', 40),
        Repeat('t', 40),
        Repeat('b', 20) + Repeat('t', 5) + Repeat('b', 30) + Repeat('t', 3) + Repeat('b', 16),
        Repeat('t', 2) + Repeat('b', RowDeflater.MinimumRun - 1) + Repeat('t', 2) + Repeat('b', RowDeflater.MinimumRun) + "t",
        "t" + Repeat('b', 100),
        Repeat('b', 100) + "t",
        "b",
        "t",
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_stream_inflates_to_the_rows_given_with_its_checksum(string layout)
    {
        var rows = Rows(layout);

        foreach (var level in new[] { 1, 2, 6 })
            Assert.Equal(rows, Inflate(new RowDeflater(level).Compress(rows, Stride)));
    }

    [Fact]
    public void A_run_length_is_compressed_once_and_its_piece_copied_into_every_card_that_has_it()
    {
        var deflater = new RowDeflater();
        var layout = "ttt" + Repeat('b', 200) + "tt" + Repeat('b', 3) + "t";

        var first = deflater.Compress(Rows(layout, seed: 1), Stride);
        var second = deflater.Compress(Rows(layout, seed: 2), Stride);

        // One kept piece (the run of 200; the run of 3 stays with its rows), its bytes in both streams.
        Assert.Equal(1, deflater.KeptRuns);
        var piece = deflater.KeptPiece(200, Stride);
        Assert.NotNull(piece);
        Assert.True(first.AsSpan().IndexOf(piece) > 0);
        Assert.True(second.AsSpan().IndexOf(piece) > 0);
        Assert.Equal(Rows(layout, seed: 2), Inflate(second));
        Assert.Equal(second, new RowDeflater().Compress(Rows(layout, seed: 2), Stride));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(62)]
    [InlineData(259)]
    [InlineData(260)]
    [InlineData(261)]
    [InlineData(262)]
    [InlineData(263)]
    [InlineData(518)]
    [InlineData(1201)]
    public void A_run_of_blank_rows_is_coded_directly_and_inflates_to_its_rows_at_about_the_size_zlib_gave(int stride)
    {
        foreach (var rows in (int[])[1, 2, 3, 4, RowDeflater.MinimumRun, 101, 630])
        {
            var blank = new byte[rows * stride];
            for (var y = 0; y < rows; y++) blank[y * stride] = 2;
            var piece = BlankRunCoder.Encode(rows, stride);

            // As a raw deflate stream the piece must end with the sync flush's empty stored block and inflate exactly.
            Assert.Equal([0x00, 0x00, 0xff, 0xff], piece[^4..]);
            using (var inflate = new DeflateStream(new MemoryStream([.. piece, 0x03, 0x00]), CompressionMode.Decompress))
            using (var raw = new MemoryStream())
            {
                inflate.CopyTo(raw);
                Assert.Equal(blank, raw.ToArray());
            }
            // zlib's best (level 9), which made these pieces before: within a fifth and 16 bytes of it.
            using var zlib = new MemoryStream();
            using (var deflate = new DeflateStream(zlib, new ZLibCompressionOptions { CompressionLevel = 9 }, leaveOpen: true))
                deflate.Write(blank);
            Assert.True(piece.Length <= zlib.Length * 6 / 5 + 16, $"{rows} rows of {stride}: {piece.Length} bytes, zlib {zlib.Length}");
        }
    }

    [Fact]
    public void A_blank_row_is_covered_whole_by_its_literals_and_matches()
    {
        foreach (var stride in Enumerable.Range(1, 800)) Assert.Equal(stride, BlankRunCoder.RowLength(stride));
    }

    [Fact]
    public void A_stretch_equal_to_one_compressed_before_at_the_same_place_is_copied_and_a_different_one_is_not()
    {
        using var deflater = new RowDeflater();
        var layout = "tt" + Repeat('b', 20) + "ttt" + Repeat('b', 20);
        var first = Rows(layout, seed: 1);
        // The second card shares its first stretch (the site's name, say) and differs in the next (its title).
        var second = Rows(layout, seed: 2);
        first.AsSpan(0, 2 * Stride).CopyTo(second);

        deflater.Compress(first, Stride);
        var stream = deflater.Compress(second, Stride);

        Assert.Equal(2, deflater.KeptStretches);
        Assert.Equal(1, deflater.StretchesCopied);
        Assert.Equal(second, Inflate(stream));
        using var fresh = new RowDeflater();
        Assert.Equal(fresh.Compress(second, Stride), stream);
    }

    [Fact]
    public void Stretches_are_kept_up_to_a_bound_and_the_rest_still_inflate()
    {
        using var deflater = new RowDeflater();
        var cards = Enumerable.Range(0, RowDeflater.MaxKeptStretches + 4)
            .Select(n => Rows(Repeat('b', 20) + Repeat('t', n + 1) + Repeat('b', 20), seed: n)).ToList();

        foreach (var rows in cards) Assert.Equal(rows, Inflate(deflater.Compress(rows, Stride)));

        Assert.Equal(RowDeflater.MaxKeptStretches, deflater.KeptStretches);
    }

    [Fact]
    public void The_scratch_stream_holds_the_same_bytes_until_the_next_call()
    {
        using var deflater = new RowDeflater();
        var rows = Rows("ttt" + Repeat('b', 30) + "t", seed: 4);
        var other = Rows("t" + Repeat('b', 30) + "ttt", seed: 5);

        var scratch = deflater.CompressToScratch(rows, Stride).ToArray();
        var next = deflater.CompressToScratch(other, Stride).ToArray();

        using var fresh = new RowDeflater();
        Assert.Equal(fresh.Compress(rows, Stride), scratch);
        Assert.Equal(other, Inflate(next));
    }

    [Fact]
    public void Without_long_blank_runs_nothing_is_kept()
    {
        var deflater = new RowDeflater();

        deflater.Compress(Rows("tbtbtbt" + Repeat('b', RowDeflater.MinimumRun - 1) + "t"), Stride);

        Assert.Equal(0, deflater.KeptRuns);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(1, 1)]
    [InlineData(5_000, 70_000)]
    [InlineData(200_000, 300_000)]
    public void Checksums_combine_as_the_checksum_of_the_whole(int firstLength, int secondLength)
    {
        var bytes = new byte[firstLength + secondLength];
        new Random(firstLength ^ secondLength).NextBytes(bytes);
        var first = bytes.AsSpan(0, firstLength);
        var second = bytes.AsSpan(firstLength);

        var combined = RowDeflater.Combine(Adler32.HashToUInt32(first), Adler32.HashToUInt32(second), secondLength);

        Assert.Equal(Adler32.HashToUInt32(bytes), combined);
    }

    [Fact]
    public void Rows_that_do_not_fill_whole_strides_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new RowDeflater().Compress(new byte[Stride + 1], Stride));
    }
}
