using System.Buffers;
using SkiaSharp;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Draws social card PNGs with SkiaSharp and the theme's bundled font (Inter, SIL Open Font License; a site can put
/// its own under <c>_theme/fonts/</c>). Flat colours, text only, no anti-aliased gradients: the PNG compresses to a
/// few tens of KB, and the same card gives the same bytes. Thread-safe: each call draws on its own surface.
/// </summary>
public sealed class SocialCardRenderer : IDisposable
{
    private static readonly SKColor Background = new(0x0f, 0x14, 0x19);
    private static readonly SKColor Foreground = new(0xf3, 0xf6, 0xf9);
    private static readonly SKColor Muted = new(0x9d, 0xa7, 0xb3);
    private static readonly SKColor Accent = new(0x6c, 0xb6, 0xff);
    private const int Margin = 72;
    private const int BarWidth = 16;
    private const int AccentInk = 0, TitleInk = 1, MutedInk = 2;
    private static readonly SKColor[] InkColours = [Accent, Foreground, Muted];
    private static readonly CardInks Inks = new(Background, Accent, InkColours);

    private readonly SKTypeface _bold;
    private readonly SKTypeface _medium;
    private readonly GlyphAtlas _glyphs;
    private readonly RowDeflater _deflater = new();
    private readonly ThreadLocal<byte[]> _masks = new(() => new byte[SocialCard.Width * SocialCard.Height]);

    // Each thread's fonts by face and size, made once: a card set in fonts of its own made seven a card, and each a
    // native object SkiaSharp registers in its handle table (4-8% of what a 750-post blog's build allocated).
    private readonly ThreadLocal<Dictionary<(bool Bold, int Size), SKFont>> _fonts = new(() => [], trackAllValues: true);

    private SocialCardRenderer(SKTypeface bold, SKTypeface medium, string fontKey, int glyphCapacity)
    {
        _bold = bold;
        _medium = medium;
        FontKey = fontKey;
        _glyphs = new GlyphAtlas(glyphCapacity);
    }

    /// <summary>How many glyph images the renderer has drawn (each once, see <see cref="GlyphAtlas"/>).</summary>
    internal int GlyphsDrawn => _glyphs.Count;

    /// <summary>A hash of the fonts: part of every card's cache key.</summary>
    public string FontKey { get; }

    /// <summary>The renderer with the theme's fonts, or null (reported as SB102) when they or SkiaSharp cannot be loaded.</summary>
    public static SocialCardRenderer? Create(ThemeFiles theme, DiagnosticBag diagnostics) => Create(theme, diagnostics, GlyphAtlas.DefaultCapacity);

    /// <summary>The same, keeping at most <paramref name="glyphCapacity"/> glyph images (see <see cref="GlyphAtlas"/>).</summary>
    internal static SocialCardRenderer? Create(ThemeFiles theme, DiagnosticBag diagnostics, int glyphCapacity)
    {
        var boldFile = theme.Resolve("fonts/Inter-Bold.otf");
        var mediumFile = theme.Resolve("fonts/Inter-Medium.otf");
        if (boldFile is null || mediumFile is null)
        {
            diagnostics.Warning("theme/fonts", 0, DiagnosticCodes.SocialImage,
                "fonts/Inter-Bold.otf or fonts/Inter-Medium.otf is missing from the theme: no social card images were drawn; add them or set 'social_images: false'");
            return null;
        }
        var bold = boldFile.ReadBytes(diagnostics);
        var medium = mediumFile.ReadBytes(diagnostics);
        if (bold is null || medium is null) return null;
        try
        {
            var boldFace = SKTypeface.FromData(SKData.CreateCopy(bold));
            var mediumFace = SKTypeface.FromData(SKData.CreateCopy(medium));
            if (boldFace is null || mediumFace is null)
            {
                diagnostics.Warning(boldFile.Display, 0, DiagnosticCodes.SocialImage, "the social card fonts are not fonts SkiaSharp can read: no social card images were drawn");
                return null;
            }
            return new SocialCardRenderer(boldFace, mediumFace, glyphCapacity: glyphCapacity, fontKey: FontKeyOf(bold, medium));
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            diagnostics.Warning("theme/fonts", 0, DiagnosticCodes.SocialImage,
                $"SkiaSharp's native library cannot be loaded on this machine ({ex.GetType().Name}): no social card images were drawn; set 'social_images: false' to silence this");
            return null;
        }
    }

    /// <summary>
    /// The card as PNG bytes: drawn as coverage and written with a palette (<see cref="CardInks"/>), or, should the
    /// texts ever share rows, drawn and written in RGB.
    /// </summary>
    public byte[] Render(SocialCard card)
    {
        byte[] png = [];
        Write(card, bytes => png = bytes.ToArray());
        return png;
    }

    /// <summary>
    /// As <see cref="Render"/>, handing the PNG to <paramref name="write"/> (valid only during the call): a palette
    /// card's bytes come from a pooled buffer, not a new array a card.
    /// </summary>
    internal void Write(SocialCard card, PngBytes write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var layout = Lay(card);
        if (TryWriteIndexed(layout, _deflater, write)) return;
        using var surface = Draw(layout);
        using var pixels = surface.PeekPixels();
        write(Encode(pixels));
    }

    /// <summary>The card's pixels as an RGB PNG.</summary>
    internal static byte[] Encode(SKPixmap pixels) =>
        PngEncoder.Encode(pixels.GetPixelSpan(), pixels.Width, pixels.Height, pixels.RowBytes);

    /// <summary>The card drawn in RGB on a new raster surface (the fallback, and what tests compare with).</summary>
    internal SKSurface Draw(SocialCard card)
    {
        var layout = Lay(card);
        return Draw(layout);
    }

    /// <summary>The palette PNG of the card, or null when its texts share rows (then only RGB can show it).</summary>
    internal byte[]? RenderIndexed(SocialCard card, RowDeflater? deflater = null)
    {
        var layout = Lay(card);
        return RenderIndexed(layout, deflater ?? _deflater);
    }

    private byte[]? RenderIndexed(CardLayout layout, RowDeflater deflater, bool planned = true)
    {
        byte[]? png = null;
        return TryWriteIndexed(layout, deflater, bytes => png = bytes.ToArray(), planned) ? png : null;
    }

    private bool TryWriteIndexed(CardLayout layout, RowDeflater deflater, PngBytes write, bool planned = true)
    {
        const int width = SocialCard.Width, height = SocialCard.Height;
        var plan = planned ? PlanOf(layout) : null;
        if (plan is not null && TryWriteComposed(layout, plan, deflater, write)) return true;
        // Each thread keeps its mask empty between cards, clearing only the rows a card inked: most rows never are.
        var mask = _masks.Value!;
        Span<bool> inked = stackalloc bool[height];
        var clean = false;
        try
        {
            LayCoverage(layout, mask, inked);
            var written = CardMask.TryWrite(mask, width, layout.Runs, Inks, BarWidth, deflater, write, inked, plan);
            clean = true;
            return written;
        }
        finally
        {
            if (!clean) Array.Clear(mask);
            else
            {
                for (var y = 0; y < height; y++)
                    if (inked[y]) mask.AsSpan(y * width, width).Clear();
            }
        }
    }

    /// <summary>The card's rows made from its plan (<see cref="CardRows"/>) and written; false, with nothing written, where they cannot be.</summary>
    private bool TryWriteComposed(CardLayout layout, CardPlan plan, RowDeflater deflater, PngBytes write)
    {
        const int width = SocialCard.Width, height = SocialCard.Height;
        var rows = ArrayPool<byte>.Shared.Rent((1 + width) * height);
        try
        {
            var filtered = rows.AsSpan(0, (1 + width) * height);
            Span<sbyte> rowInks = stackalloc sbyte[height];
            if (!CardMask.TryRowInks(layout.Runs, rowInks) || !CardRows.TryCompose(plan, rowInks, filtered)) return false;
            PngEncoder.WriteFilteredIndexed(filtered, width, height, Inks.Palette, deflater, write, plan);
            Interlocked.Increment(ref _cardsComposed);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
    }

    private int _cardsComposed;

    /// <summary>How many palette cards were made from their glyphs rather than a coverage mask (for tests).</summary>
    internal int CardsComposed => Volatile.Read(ref _cardsComposed);

    /// <summary>The palette PNG of the card as the coverage mask gives it, without composing rows from its plan (what tests compare with).</summary>
    internal byte[]? RenderIndexedFromMask(SocialCard card, RowDeflater deflater)
    {
        var layout = Lay(card);
        var mask = new byte[SocialCard.Width * SocialCard.Height];
        LayCoverage(layout, mask);
        byte[]? png = null;
        return CardMask.TryWrite(mask, SocialCard.Width, layout.Runs, Inks, BarWidth, deflater, bytes => png = bytes.ToArray(), plan: PlanOf(layout)) ? png : null;
    }

    /// <summary>Whether the card's rows can be made from its plan, without a coverage mask (for tests).</summary>
    internal bool Composes(SocialCard card)
    {
        var layout = Lay(card);
        Span<sbyte> rowInks = stackalloc sbyte[SocialCard.Height];
        return CardMask.TryRowInks(layout.Runs, rowInks) && CardRows.TryCompose(PlanOf(layout), rowInks, new byte[(1 + SocialCard.Width) * SocialCard.Height]);
    }

    /// <summary>Where each text of <paramref name="layout"/> puts its glyphs, drawing nothing.</summary>
    private CardPlan PlanOf(CardLayout layout)
    {
        var plan = new CardPlan(Inks, SocialCard.Width, SocialCard.Height, BarWidth);
        var placed = new List<GlyphAtlas.PlacedGlyph>();
        foreach (var run in layout.Runs)
        {
            placed.Clear();
            _glyphs.Place(run, InkColours[run.Ink], placed);
            plan.Add(run.Ink, placed);
        }
        return plan;
    }

    /// <summary>The palette PNG written without the card's plan: every band searched for matches (what tests compare with).</summary>
    internal byte[]? RenderIndexedUnplanned(SocialCard card, RowDeflater deflater)
    {
        var layout = Lay(card);
        return RenderIndexed(layout, deflater, planned: false);
    }

    /// <summary>Where the card's glyphs go, text by text (what <see cref="RenderIndexed(SocialCard, RowDeflater?)"/> writes its bands from).</summary>
    internal CardPlan Plan(SocialCard card) => PlanOf(Lay(card));

    /// <summary>The card's coverage mask as the glyph atlas lays it (one byte a pixel, rows of the card's width).</summary>
    internal byte[] Coverage(SocialCard card)
    {
        var layout = Lay(card);
        var mask = new byte[SocialCard.Width * SocialCard.Height];
        LayCoverage(layout, mask);
        return mask;
    }

    /// <summary>Blends every text of <paramref name="layout"/> onto an empty mask of the card's size, from the glyph atlas.</summary>
    private void LayCoverage(CardLayout layout, Span<byte> mask, Span<bool> inked = default)
    {
        var placed = new List<GlyphAtlas.PlacedGlyph>();
        foreach (var run in layout.Runs)
        {
            placed.Clear();
            _glyphs.Place(run, InkColours[run.Ink], placed);
            GlyphAtlas.Blend(mask, SocialCard.Width, SocialCard.Height, placed, inked);
        }
    }

    /// <summary>The same mask drawn by Skia's own text drawing, which the atlas must equal.</summary>
    internal byte[] CoverageBySkia(SocialCard card)
    {
        var layout = Lay(card);
        var info = new SKImageInfo(SocialCard.Width, SocialCard.Height, SKColorType.Alpha8, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var run in layout.Runs)
        {
            // The mask keeps only coverage, but Skia shapes a glyph's edges by the brightness of its colour: drawn in
            // its ink, a text covers the pixels it covers on the RGB card.
            paint.Color = InkColours[run.Ink];
            canvas.DrawText(run.Text, run.X, run.Y, SKTextAlign.Left, run.Font, paint);
        }
        using var pixels = surface.PeekPixels();
        var mask = new byte[SocialCard.Width * SocialCard.Height];
        for (var y = 0; y < SocialCard.Height; y++)
            pixels.GetPixelSpan().Slice(y * pixels.RowBytes, SocialCard.Width).CopyTo(mask.AsSpan(y * SocialCard.Width));
        return mask;
    }

    private static SKSurface Draw(CardLayout layout)
    {
        var info = new SKImageInfo(SocialCard.Width, SocialCard.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var paint = new SKPaint { IsAntialias = true, Color = Accent };
        canvas.DrawRect(0, 0, BarWidth, SocialCard.Height, paint);
        foreach (var run in layout.Runs)
        {
            paint.Color = InkColours[run.Ink];
            canvas.DrawText(run.Text, run.X, run.Y, SKTextAlign.Left, run.Font, paint);
        }
        return surface;
    }

    /// <summary>Where each text of the card goes, in which font and ink.</summary>
    private CardLayout Lay(SocialCard card)
    {
        var runs = new List<TextRun>();
        var site = Font(bold: true, 30);
        runs.Add(new TextRun(Fit(card.SiteTitle.ToUpperInvariant(), site, SocialCard.Width - 2 * Margin), Margin, Margin + 24, site, AccentInk));

        // The title: the largest size (from 68 px down to 44) at which it fits in four lines.
        var (titleFont, lines) = TitleLines(card.Title, SocialCard.Width - 2 * Margin);
        var lineHeight = titleFont.Size * 1.18f;
        var y = Margin + 110 + titleFont.Size;
        foreach (var line in lines)
        {
            runs.Add(new TextRun(line, Margin, y, titleFont, TitleInk));
            y += lineHeight;
        }

        var meta = Font(bold: false, 28);
        var footer = card.Entities.Count > 0 ? card.DateText + "  ·  " + string.Join(", ", card.Entities) : card.DateText;
        runs.Add(new TextRun(Fit(footer, meta, SocialCard.Width - 2 * Margin), Margin, SocialCard.Height - Margin + 10, meta, MutedInk));
        return new CardLayout(runs);
    }

    /// <summary>This thread's font of the bold or medium face at <paramref name="size"/> pixels (kept until the renderer is disposed).</summary>
    private SKFont Font(bool bold, int size)
    {
        var fonts = _fonts.Value!;
        if (!fonts.TryGetValue((bold, size), out var font))
        {
            font = new SKFont(bold ? _bold : _medium, size) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.None };
            fonts[(bold, size)] = font;
        }
        return font;
    }

    /// <summary>
    /// The fonts' key: their bytes one after the other, hashed as they come (every cached build makes it, and joining
    /// the two fonts first was 600 KB of fresh memory for the hash alone).
    /// </summary>
    internal static string FontKeyOf(byte[] bold, byte[] medium)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(bold);
        hash.AppendData(medium);
        return SocialHash.Of(Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>SkiaSharp's own PNG encoder (libpng), kept for the benchmark's comparison.</summary>
    internal static byte[] EncodeWithSkia(SKPixmap pixels)
    {
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))
            ?? throw new InvalidOperationException("SkiaSharp could not encode a PNG");
        return data.ToArray();
    }

    private (SKFont Font, List<string> Lines) TitleLines(string title, float width)
    {
        for (var size = 68; ; size -= 6)
        {
            var font = Font(bold: true, size);
            var lines = Wrap(title, font, width);
            if (lines.Count <= 4 || size <= 44)
            {
                if (lines.Count > 4)
                {
                    lines = lines[..4];
                    lines[3] = Fit(lines[3] + " …", font, width);
                }
                return (font, lines);
            }
        }
    }

    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = Fit(word, font, width);
            }
            else line = candidate.Length == word.Length ? Fit(word, font, width) : candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>The text, cut with an ellipsis where it would pass <paramref name="width"/>.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var length = text.Length;
        while (length > 1 && font.MeasureText(string.Concat(text.AsSpan(0, length).TrimEnd(), "…")) > width) length--;
        return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The fonts first: they hold the faces.
        foreach (var fonts in _fonts.Values)
        {
            foreach (var font in fonts.Values) font.Dispose();
        }
        _fonts.Dispose();
        _bold.Dispose();
        _medium.Dispose();
        _masks.Dispose();
        _deflater.Dispose();
    }
}
