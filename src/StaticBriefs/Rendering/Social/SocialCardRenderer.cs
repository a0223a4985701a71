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

    private readonly SKTypeface _bold;
    private readonly SKTypeface _medium;

    private SocialCardRenderer(SKTypeface bold, SKTypeface medium, string fontKey)
    {
        _bold = bold;
        _medium = medium;
        FontKey = fontKey;
    }

    /// <summary>A hash of the fonts: part of every card's cache key.</summary>
    public string FontKey { get; }

    /// <summary>The renderer with the theme's fonts, or null (reported as SB102) when they or SkiaSharp cannot be loaded.</summary>
    public static SocialCardRenderer? Create(ThemeFiles theme, DiagnosticBag diagnostics)
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
            return new SocialCardRenderer(boldFace, mediumFace, SocialHash.Of(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. bold, .. medium]))));
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            diagnostics.Warning("theme/fonts", 0, DiagnosticCodes.SocialImage,
                $"SkiaSharp's native library cannot be loaded on this machine ({ex.GetType().Name}): no social card images were drawn; set 'social_images: false' to silence this");
            return null;
        }
    }

    /// <summary>The card as PNG bytes.</summary>
    public byte[] Render(SocialCard card)
    {
        using var surface = Draw(card);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        return Encode(pixels);
    }

    /// <summary>The card's pixels as a PNG.</summary>
    internal static byte[] Encode(SKPixmap pixels) =>
        PngEncoder.Encode(pixels.GetPixelSpan(), pixels.Width, pixels.Height, pixels.RowBytes);

    /// <summary>The card drawn on a new raster surface.</summary>
    internal SKSurface Draw(SocialCard card)
    {
        var info = new SKImageInfo(SocialCard.Width, SocialCard.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var paint = new SKPaint { IsAntialias = true, Color = Accent };
        canvas.DrawRect(0, 0, 16, SocialCard.Height, paint);

        using var site = new SKFont(_bold, 30) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.None };
        canvas.DrawText(Fit(card.SiteTitle.ToUpperInvariant(), site, SocialCard.Width - 2 * Margin), Margin, Margin + 24, SKTextAlign.Left, site, paint);

        // The title: the largest size (from 68 px down to 44) at which it fits in four lines.
        paint.Color = Foreground;
        var (titleFont, lines) = TitleLines(card.Title, SocialCard.Width - 2 * Margin);
        using (titleFont)
        {
            var lineHeight = titleFont.Size * 1.18f;
            var y = Margin + 110 + titleFont.Size;
            foreach (var line in lines)
            {
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, titleFont, paint);
                y += lineHeight;
            }
        }

        using var meta = new SKFont(_medium, 28) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.None };
        paint.Color = Muted;
        var footer = card.Entities.Count > 0 ? card.DateText + "  ·  " + string.Join(", ", card.Entities) : card.DateText;
        canvas.DrawText(Fit(footer, meta, SocialCard.Width - 2 * Margin), Margin, SocialCard.Height - Margin + 10, SKTextAlign.Left, meta, paint);

        return surface;
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
            var font = new SKFont(_bold, size) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.None };
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
            font.Dispose();
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
        _bold.Dispose();
        _medium.Dispose();
    }
}
