using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using StaticBriefs.Rendering.Social;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// `card-code FOLDER [--count N] [--train FILE]`: reads the palette cards (PNG) a build wrote under FOLDER, and times
/// compressing their filtered rows with the trained row-match coder against zlib level 1 (both through
/// <see cref="RowDeflater"/>, as a build does). With --train, counts the stretches' deflate symbols per ink and writes
/// the code lengths <see cref="TrainedCardCodes"/> holds to FILE (C# source).
/// </summary>
internal static class CardCodeCommand
{
    private const int Stride = 1 + SocialCard.Width;

    public static int Run(string[] args)
    {
        var folder = args[0];
        var cards = Directory.EnumerateFiles(folder, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Take(BenchArgs.Int(args, "--count", int.MaxValue)).Select(FilteredRows).Where(rows => rows is not null).Select(rows => rows!).ToList();
        Console.WriteLine($"{cards.Count} palette cards, {cards.Sum(c => (long)c.Length) / Math.Max(1, cards.Count) / 1024} KiB of filtered rows a card");
        if (BenchArgs.Text(args, "--train") is { } train)
        {
            File.WriteAllText(train, Train(cards));
            Console.WriteLine($"wrote {train}");
        }
        foreach (var (name, make) in new (string, Func<RowDeflater>)[] { ("zlib level 1", () => new RowDeflater(1)), ("trained row matches", () => new RowDeflater()) })
        {
            for (var round = 0; round < 3; round++)
            {
                using var deflater = make();
                long bytes = 0;
                var watch = Stopwatch.StartNew();
                foreach (var rows in cards) bytes += deflater.Compress(rows, Stride).Length;
                Console.WriteLine($"  {name,-20} round {round}: {watch.Elapsed.TotalMilliseconds / cards.Count:F3} ms, {bytes / 1024.0 / cards.Count:F1} KiB a card");
            }
        }
        return 0;
    }

    /// <summary>
    /// Code lengths for each ink from the symbol counts of the cards' stretches, pooled over the inks: a stretch's
    /// coverage steps are counted as steps whatever its ink, and each ink's table places those counts on its own steps
    /// (the other inks' steps keep a count of one, as every symbol does, so any bytes can be written). So the site's
    /// name, one ink seen in a few words, does not fit its table to those words.
    /// </summary>
    private static string Train(List<byte[]> cards)
    {
        const int symbols = 286, inks = 3;
        var counts = new long[symbols];
        foreach (var rows in cards)
        {
            foreach (var piece in RowDeflater.Pieces(rows, Stride))
            {
                if (piece.BlankRows > 0) continue;
                var stretch = rows.AsSpan(piece.Start, piece.End - piece.Start);
                var found = RowMatches.Count(stretch, Stride);
                for (var s = 0; s < symbols; s++)
                {
                    var step = s >= 2 && s < 2 + inks * CardInks.Levels ? (s - 2) % CardInks.Levels : -1;
                    counts[step < 0 ? s : 2 + step] += found[s];
                }
                counts[256]++;
            }
        }
        // Scaled to a million symbols, so the table does not depend on the corpus's size.
        var scale = 1_000_000.0 / Math.Max(1, counts.Sum());
        var source = new StringBuilder();
        for (var ink = 0; ink < inks; ink++)
        {
            var frequencies = new int[symbols];
            for (var s = 0; s < symbols; s++)
            {
                var step = s >= 2 && s < 2 + inks * CardInks.Levels ? (s - 2) - ink * CardInks.Levels : -1;
                var count = s < 2 || s >= 2 + inks * CardInks.Levels ? counts[s] : step is >= 0 and < CardInks.Levels ? counts[2 + step] : 0;
                frequencies[s] = (int)(count * scale) + 1;
            }
            var bits = new byte[symbols];
            HuffmanLengths.Build(frequencies, bits, 15);
            source.Append("        [\n");
            for (var s = 0; s < symbols; s += 32) source.Append("            ").Append(string.Join(", ", bits.Skip(s).Take(32))).Append(",\n");
            source.Append("        ],\n");
        }
        return source.ToString();
    }

    /// <summary>A palette card's filtered rows (its IDAT inflated), or null for another kind of PNG.</summary>
    private static byte[]? FilteredRows(string path)
    {
        var png = File.ReadAllBytes(path);
        using var idat = new MemoryStream();
        var palette = false;
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IHDR") palette = png[at + 8 + 9] == 3 && BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8)) == SocialCard.Width;
            if (type == "IDAT") idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        if (!palette) return null;
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var rows = new MemoryStream();
        zlib.CopyTo(rows);
        return rows.ToArray();
    }
}
