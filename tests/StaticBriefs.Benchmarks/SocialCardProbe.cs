using System.Diagnostics;
using SkiaSharp;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Benchmarks;

/// <summary>Times drawing and encoding social cards on one thread over a corpus's briefs.</summary>
internal static class SocialCardProbe
{
    public static int Run(string[] args)
    {
        var input = args[0];
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var (renderer, cards) = CardsOf(input, count);
        using var disposeRenderer = renderer;
        var encoders = new (string Name, Func<SKPixmap, byte[]> Encode)[]
        {
            ("skia (libpng, Sub, level 1)", SocialCardRenderer.EncodeWithSkia),
            ("PngEncoder (zlib level 2)", p => PngEncoder.Encode(p.GetPixelSpan(), p.Width, p.Height, p.RowBytes, 2)),
            ("PngEncoder (zlib level 1)", p => PngEncoder.Encode(p.GetPixelSpan(), p.Width, p.Height, p.RowBytes, 1)),
            ("PngEncoder (zlib level 3)", p => PngEncoder.Encode(p.GetPixelSpan(), p.Width, p.Height, p.RowBytes, 3)),
            ("PngEncoder (zlib level 6)", p => PngEncoder.Encode(p.GetPixelSpan(), p.Width, p.Height, p.RowBytes, 6)),
        };
        var mismatches = 0;
        for (var round = 0; round < 3; round++)
        {
            var draw = TimeSpan.Zero;
            var encode = new TimeSpan[encoders.Length];
            var bytes = new long[encoders.Length];
            foreach (var card in cards)
            {
                var watch = Stopwatch.StartNew();
                using var surface = renderer.Draw(card);
                using var image = surface.Snapshot();
                using var pixels = image.PeekPixels();
                draw += watch.Elapsed;
                for (var e = 0; e < encoders.Length; e++)
                {
                    watch.Restart();
                    var png = encoders[e].Encode(pixels);
                    encode[e] += watch.Elapsed;
                    bytes[e] += png.Length;
                    if (round == 0 && !SamePixels(png, pixels)) mismatches++;
                }
            }
            Console.WriteLine($"round {round}: {cards.Count} cards; draw {draw.TotalMilliseconds / cards.Count:F2} ms a card");
            var whole = Stopwatch.StartNew();
            long indexedBytes = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            foreach (var card in cards) indexedBytes += renderer.Render(card).Length;
            Console.WriteLine($"  {"Render (coverage + palette)",-30} {whole.Elapsed.TotalMilliseconds / cards.Count:F2} ms a card (draw included), {indexedBytes / cards.Count / 1024} KiB a card, {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / cards.Count / 1024} KiB allocated a card");
            foreach (var level in new[] { 1, 2, 3, 6 })
            {
                using var deflater = new RowDeflater(level);
                whole.Restart();
                indexedBytes = 0;
                foreach (var card in cards) indexedBytes += renderer.RenderIndexed(card, deflater)!.Length;
                Console.WriteLine($"  {"  the same at zlib level " + level,-30} {whole.Elapsed.TotalMilliseconds / cards.Count:F2} ms a card, {indexedBytes / cards.Count / 1024} KiB a card");
            }
            for (var e = 0; e < encoders.Length; e++)
                Console.WriteLine($"  {encoders[e].Name,-30} {encode[e].TotalMilliseconds / cards.Count:F2} ms a card, {bytes[e] / cards.Count / 1024} KiB a card");
        }
        Console.WriteLine($"cards whose decoded pixels differ from the drawn ones: {mismatches}");
        var (atlasDifferent, atlasPixels) = (0, 0);
        foreach (var card in cards)
        {
            var (ours, skia) = (renderer.Coverage(card), renderer.CoverageBySkia(card));
            var different = 0;
            for (var i = 0; i < ours.Length; i++) if (ours[i] != skia[i]) different++;
            if (different > 0) atlasDifferent++;
            atlasPixels += different;
        }
        Console.WriteLine($"cards whose glyph-atlas mask differs from Skia's text drawing: {atlasDifferent} ({atlasPixels} pixels)");
        mismatches += atlasDifferent;
        var worst = cards.Max(card => LargestDifference(renderer, card));
        Console.WriteLine($"largest channel difference between a palette card and the same card drawn in RGB: {worst}");
        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>A renderer with the built-in theme's fonts, and the cards of the first <paramref name="count"/> briefs of <paramref name="input"/>.</summary>
    private static (SocialCardRenderer Renderer, List<SocialCard> Cards) CardsOf(string input, int count)
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteAssembler.Assemble(SiteLoader.Load(input, diagnostics), new AssemblyOptions(false, true, DateTimeOffset.UtcNow), diagnostics);
        using var views = new ViewFactory(site);
        var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), diagnostics)!;
        var images = new SocialImages(renderer, "Briefs");
        return (renderer, [.. site.Briefs.Take(count).Select(b => images.CardOf(b, views.Card(b.Id)))]);
    }

    /// <summary>
    /// `social-plan INPUT [COUNT]`: one-thread time and size of the palette cards of a corpus's briefs written from their
    /// layout (<see cref="RowMatchCoder.TryWritePlanned"/>) against searched for matches, rounds alternating.
    /// </summary>
    public static int Planned(string[] args)
    {
        var input = args[0];
        var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var (renderer, cards) = CardsOf(input, count);
        using var disposeRenderer = renderer;
        for (var round = 0; round < 4; round++)
        {
            foreach (var planned in new[] { round % 2 == 0, round % 2 != 0 })
            {
                using var deflater = new RowDeflater();
                var watch = Stopwatch.StartNew();
                long bytes = 0;
                foreach (var card in cards) bytes += (planned ? renderer.RenderIndexed(card, deflater) : renderer.RenderIndexedUnplanned(card, deflater))!.Length;
                Console.WriteLine($"round {round} {(planned ? "from the layout" : "searched"),-16} {watch.Elapsed.TotalMilliseconds / cards.Count:F3} ms a card (drawing included), {bytes / 1024.0 / cards.Count:F1} KiB, {deflater.StretchesPlanned} stretches from the layout");
            }
        }
        return 0;
    }

    /// <summary>Compares the decoded pixels of every PNG under two output folders' social/ (encoders may differ).</summary>
    public static int Compare(string before, string after, int start, int count)
    {
        var all = Directory.GetFiles(Path.Combine(before, "social"), "*.png", SearchOption.AllDirectories);
        Array.Sort(all, StringComparer.Ordinal);
        var files = all.Skip(start).Take(count).ToArray();
        var different = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var other = Path.Combine(after, Path.GetRelativePath(before, file));
            using var a = Rgba(file);
            using var b = File.Exists(other) ? Rgba(other) : null;
            if (b is null || !a.GetPixelSpan().SequenceEqual(b.GetPixelSpan())) Interlocked.Increment(ref different);
        });
        Console.WriteLine($"{files.Length} cards compared, {different} with other pixels (or missing)");
        return different == 0 ? 0 : 1;
    }

    private static SKBitmap Rgba(string file)
    {
        using var decoded = SKBitmap.Decode(file);
        return decoded.Copy(SKColorType.Rgba8888);
    }

    private static int LargestDifference(SocialCardRenderer renderer, SocialCard card)
    {
        using var surface = renderer.Draw(card);
        using var drawn = surface.PeekPixels();
        using var original = SKBitmap.Decode(renderer.Render(card));
        using var decoded = original.Copy(SKColorType.Rgba8888);
        var a = decoded.GetPixelSpan();
        var b = drawn.GetPixelSpan();
        var worst = 0;
        for (var i = 0; i < a.Length; i++)
            if (i % 4 != 3) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        return worst;
    }

    private static bool SamePixels(byte[] png, SKPixmap drawn)
    {
        using var original = SKBitmap.Decode(png);
        using var decoded = original.Copy(SKColorType.Rgba8888);
        var a = decoded.GetPixelSpan();
        var b = drawn.GetPixelSpan();
        for (var i = 0; i < a.Length; i += 4)
            if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) return false;
        return a.Length == b.Length;
    }
}
