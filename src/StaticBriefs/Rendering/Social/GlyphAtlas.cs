using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using SkiaSharp;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Lays a card's texts into a coverage mask from glyphs Skia drew once each. Cards use a few fonts at a few sizes,
/// without subpixel positioning or hinting, so every occurrence of a glyph in a font and ink is the same image at a
/// whole-pixel place: Skia's own text drawing spent a third of a card (blending each glyph through its raster
/// pipeline, about 200,000 pixels a card) making images it had made before. The glyphs are blended onto the mask in
/// the order Skia draws them and with its arithmetic (an opaque ink lerped by coverage), so the mask is Skia's, pixel
/// for pixel (<c>GlyphAtlasTests</c> holds it to that). Thread-safe.
/// </summary>
internal sealed class GlyphAtlas
{
    private const int Padding = 3;
    private readonly ConcurrentDictionary<GlyphKey, GlyphImage> _glyphs = new();
    private readonly int _capacity;

    /// <summary>
    /// An atlas keeping at most <paramref name="capacity"/> glyph images (a few KiB each): a site whose own font has
    /// thousands of glyphs in use, each at five title sizes, must not grow the build without bound; glyphs past that
    /// are drawn for each use, as Skia would.
    /// </summary>
    public GlyphAtlas(int capacity = DefaultCapacity) => _capacity = capacity;

    /// <summary>How many glyph images an atlas keeps unless told otherwise (at most ~50 MiB of them).</summary>
    public const int DefaultCapacity = 16_384;

    /// <summary>How many glyph images the atlas holds.</summary>
    public int Count => _glyphs.Count;

    /// <summary>
    /// Blends <paramref name="placed"/> (glyphs as <see cref="Place"/> gives them) onto <paramref name="mask"/> (one byte
    /// a pixel, rows of <paramref name="width"/>), clipped to it; marks in <paramref name="inked"/> (one flag a row, when
    /// given) every row a glyph was blended onto.
    /// </summary>
    public static void Blend(Span<byte> mask, int width, int height, IReadOnlyList<PlacedGlyph> placed, Span<bool> inked = default)
    {
        foreach (var (image, left, top) in placed) Blend(mask, width, height, image, left, top, inked);
    }

    /// <summary>
    /// Adds to <paramref name="placed"/> each glyph image of <paramref name="run"/> in <paramref name="colour"/> and
    /// where its first pixel goes, in the order Skia draws them (glyphs without pixels left out).
    /// </summary>
    public void Place(TextRun run, SKColor colour, List<PlacedGlyph> placed)
    {
        var font = run.Font;
        var glyphs = font.GetGlyphs(run.Text);
        var positions = font.GetGlyphPositions(glyphs, SKPoint.Empty);
        for (var i = 0; i < glyphs.Length; i++)
        {
            var image = Image(font, glyphs[i], colour);
            if (image.Width == 0) continue;
            // Without subpixel positioning Skia rounds each glyph's origin to the nearest pixel (halves up).
            var x = (int)MathF.Floor(run.X + positions[i].X + 0.5f) + image.Left;
            var y = (int)MathF.Floor(run.Y + positions[i].Y + 0.5f) + image.Top;
            placed.Add(new PlacedGlyph(image, x, y));
        }
    }

    /// <summary>
    /// An opaque ink lerped over what is there by the glyph's coverage, rounded as Skia's 8-bit pipeline rounds:
    /// (d x (255 - c) + 255 x c + 255) / 256. Where nothing is yet, that is the coverage itself.
    /// </summary>
    private static void Blend(Span<byte> mask, int width, int height, GlyphImage image, int left, int top, Span<bool> inked)
    {
        var fromX = Math.Max(0, -left);
        // Over the padded rows (see GlyphImage.Stride): their zero coverage gives the pixels back as they were.
        var toX = Math.Min(image.Stride, width - left);
        if (fromX >= toX) return;
        for (var row = Math.Max(0, -top); row < image.Height && top + row < height; row++)
        {
            if (!inked.IsEmpty) inked[top + row] = true;
            var source = image.Coverage.AsSpan(row * image.Stride + fromX, toX - fromX);
            var target = mask.Slice((top + row) * width + left + fromX, toX - fromX);
            var x = 0;
            // One formula for every pixel: where the glyph covers nothing it gives the pixel back, where nothing was
            // it gives the coverage (shown in the summary's terms: (255d + 255) / 256 = d, (255c + 255) / 256 = c).
            for (; x + Vector128<byte>.Count <= source.Length; x += Vector128<byte>.Count)
            {
                var c = Vector128.Create<byte>(source[x..]);
                var d = Vector128.Create<byte>(target[x..]);
                // Most glyphs land where no other glyph is: there the formula gives the coverage, copied as it is.
                if (d == Vector128<byte>.Zero)
                {
                    c.CopyTo(target[x..]);
                    continue;
                }
                var (cLow, cHigh) = Vector128.Widen(c);
                var (dLow, dHigh) = Vector128.Widen(d);
                Vector128.Narrow(Lerp(dLow, cLow), Lerp(dHigh, cHigh)).CopyTo(target[x..]);
            }
            for (; x < source.Length; x++)
            {
                int c = source[x], d = target[x];
                target[x] = (byte)((d * (255 - c) + 255 * c + 255) >> 8);
            }
        }
    }

    private static Vector128<ushort> Lerp(Vector128<ushort> d, Vector128<ushort> c)
    {
        var full = Vector128.Create((ushort)255);
        return Vector128.ShiftRightLogical(d * (full - c) + full * c + full, 8);
    }

    private GlyphImage Image(SKFont font, ushort glyph, SKColor colour)
    {
        var key = new GlyphKey(font.Typeface, font.Size, glyph, colour);
        if (_glyphs.TryGetValue(key, out var image)) return image;
        image = Draw(font, glyph, colour);
        if (_glyphs.Count >= _capacity) return image;
        image.Kept = true;
        return _glyphs.GetOrAdd(key, image);
    }

    /// <summary>The glyph drawn alone by Skia at a whole-pixel origin, cut to the pixels it covers.</summary>
    private static GlyphImage Draw(SKFont font, ushort glyph, SKColor colour)
    {
        ReadOnlySpan<ushort> one = [glyph];
        Span<float> advance = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        using (var measure = new SKPaint { IsAntialias = true }) font.GetGlyphWidths(one, advance, bounds, measure);
        var box = bounds[0];
        if (box.IsEmpty) return GlyphImage.Empty;
        var originX = Padding - (int)MathF.Floor(box.Left);
        var originY = Padding - (int)MathF.Floor(box.Top);
        var width = (int)MathF.Ceiling(box.Right) + originX + Padding;
        var height = (int)MathF.Ceiling(box.Bottom) + originY + Padding;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using (var builder = new SKTextBlobBuilder())
        {
            builder.AddPositionedRun(one, font, [SKPoint.Empty]);
            using var blob = builder.Build()!;
            using var paint = new SKPaint { IsAntialias = true, Color = colour };
            surface.Canvas.DrawText(blob, originX, originY, paint);
        }
        using var pixels = surface.PeekPixels();
        return GlyphImage.Cut(pixels.GetPixelSpan(), pixels.RowBytes, width, height, originX, originY);
    }

    /// <summary>A glyph image blended onto a card with its first pixel at column <paramref name="Left"/>, row <paramref name="Top"/>.</summary>
    internal readonly record struct PlacedGlyph(GlyphImage Image, int Left, int Top);

    private readonly record struct GlyphKey(SKTypeface Face, float Size, ushort Glyph, SKColor Colour);

    /// <summary>
    /// A glyph's coverage, <see cref="Left"/> and <see cref="Top"/> from its origin to its first pixel, in rows of
    /// <see cref="Stride"/> bytes: its width padded with zero coverage to whole 16-byte vectors, so a row is blended
    /// vectors only (most glyphs are narrower than 16 pixels or a few over, which the byte-by-byte tail blended).
    /// </summary>
    internal sealed record GlyphImage(int Left, int Top, int Width, int Height, byte[] Coverage)
    {
        /// <summary>The glyph's rows as the card coder writes them, by ink and code (<see cref="GlyphRowCodes"/>), made on first use.</summary>
        internal GlyphRowCodes?[] Codes { get; } = new GlyphRowCodes?[GlyphRowCodes.Slots];

        /// <summary>The glyph's rows as palette indices, by ink (<see cref="IndexRows"/>), made on first use.</summary>
        private readonly GlyphIndexRows?[] _indexRows = new GlyphIndexRows?[IndexRowSlots];

        private const int IndexRowSlots = 4;

        /// <summary>
        /// The glyph's coverage as <paramref name="inks"/> maps it for <paramref name="ink"/> (rows of
        /// <see cref="Stride"/>), with each row's covered columns; kept for the first few inks of one palette.
        /// </summary>
        internal GlyphIndexRows IndexRows(CardInks inks, int ink)
        {
            if (ink < IndexRowSlots && Volatile.Read(ref _indexRows[ink]) is { } kept && ReferenceEquals(kept.Inks, inks)) return kept;
            var made = GlyphIndexRows.Make(this, inks, ink);
            if (ink < IndexRowSlots) Volatile.Write(ref _indexRows[ink], made);
            return made;
        }

        /// <summary>Whether the atlas keeps this image for every card: worth coding once (one drawn for a single use is not).</summary>
        internal bool Kept { get; set; }

        public static readonly GlyphImage Empty = new(0, 0, 0, 0, []);

        /// <summary>Bytes a row of <see cref="Coverage"/> takes.</summary>
        public int Stride => StrideOf(Width);

        private static int StrideOf(int width) => (width + Vector128<byte>.Count - 1) & -Vector128<byte>.Count;

        public static GlyphImage Cut(ReadOnlySpan<byte> pixels, int rowBytes, int width, int height, int originX, int originY)
        {
            int top = height, bottom = -1, left = width, right = -1;
            for (var y = 0; y < height; y++)
            {
                var row = pixels.Slice(y * rowBytes, width);
                var first = row.IndexOfAnyExcept((byte)0);
                if (first < 0) continue;
                top = Math.Min(top, y);
                bottom = y;
                left = Math.Min(left, first);
                right = Math.Max(right, row.LastIndexOfAnyExcept((byte)0));
            }
            if (bottom < 0) return Empty;
            var stride = StrideOf(right - left + 1);
            var cut = new byte[stride * (bottom - top + 1)];
            for (var y = top; y <= bottom; y++)
                pixels.Slice(y * rowBytes + left, right - left + 1).CopyTo(cut.AsSpan((y - top) * stride));
            return new GlyphImage(left - originX, top - originY, right - left + 1, bottom - top + 1, cut);
        }
    }

    /// <summary>
    /// A glyph image's coverage mapped to palette indices in one ink (<see cref="Indices"/>, rows of
    /// <see cref="RowLength"/> bytes, zeros where nothing is covered), and by row the first covered column and the column
    /// after the last (<see cref="Spans"/>, two a row; equal where a row covers nothing). A row is 16 bytes longer than
    /// the image's stride, so whole 16-byte vectors from its first covered column stay inside it.
    /// </summary>
    internal sealed record GlyphIndexRows(CardInks Inks, byte[] Indices, int RowLength, int[] Spans)
    {
        public static GlyphIndexRows Make(GlyphImage image, CardInks inks, int ink)
        {
            var rowLength = image.Stride + Vector128<byte>.Count;
            var indices = new byte[rowLength * image.Height];
            var spans = new int[2 * image.Height];
            for (var row = 0; row < image.Height; row++)
            {
                var coverage = image.Coverage.AsSpan(row * image.Stride, image.Width);
                var first = coverage.IndexOfAnyExcept((byte)0);
                if (first < 0) continue;
                var end = coverage.LastIndexOfAnyExcept((byte)0) + 1;
                inks.Map(coverage[first..end], ink, indices.AsSpan(row * rowLength + first, end - first));
                (spans[2 * row], spans[2 * row + 1]) = (first, end);
            }
            return new GlyphIndexRows(inks, indices, rowLength, spans);
        }
    }
}
