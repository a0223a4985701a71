using System.Runtime.Intrinsics;
using SkiaSharp;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// The colours of a card as a PNG palette. A card is a flat background, an accent bar and text in a few colours, each
/// text on rows of its own; drawn as coverage (how much of each pixel a glyph covers), a pixel is the background, the
/// bar, or one ink at one of <see cref="Levels"/> coverage steps. So the card fits a 256-colour palette: one byte a
/// pixel where RGB takes three, which is what makes encoding cheap. 84 steps instead of 256 keep every channel within
/// a level or two of the same text blended in RGB, which no eye tells apart.
/// </summary>
internal sealed class CardInks
{
    /// <summary>Coverage steps per ink: 2 + 3 x 84 = 254 palette entries.</summary>
    public const int Levels = 84;

    /// <summary>The palette index of the background.</summary>
    public const byte BackgroundIndex = 0;

    /// <summary>The palette index of the accent bar (its colour at full coverage).</summary>
    public const byte BarIndex = 1;

    private readonly byte[][] _lookups;

    /// <param name="background">Where no ink is.</param>
    /// <param name="bar">The accent bar's colour.</param>
    /// <param name="inks">The text colours, by ink number.</param>
    public CardInks(SKColor background, SKColor bar, IReadOnlyList<SKColor> inks)
    {
        if (2 + inks.Count * Levels > 256) throw new ArgumentException("Too many inks for a 256-colour palette.", nameof(inks));
        var palette = new byte[3 * (2 + inks.Count * Levels)];
        Put(palette, BackgroundIndex, background);
        Put(palette, BarIndex, bar);
        _lookups = new byte[inks.Count][];
        for (var ink = 0; ink < inks.Count; ink++)
        {
            var first = 2 + ink * Levels;
            for (var step = 1; step <= Levels; step++) Put(palette, first + step - 1, Blend(background, inks[ink], step));
            // Coverage 0..255 to the nearest step; step 0 (under about half a coverage level in 84) is the background.
            var lookup = new byte[256];
            for (var coverage = 1; coverage < 256; coverage++)
            {
                var step = (coverage * Levels + 127) / 255;
                lookup[coverage] = step == 0 ? BackgroundIndex : (byte)(first + step - 1);
            }
            _lookups[ink] = lookup;
        }
        Palette = palette;
    }

    /// <summary>The PLTE chunk's data: R, G, B per entry.</summary>
    public byte[] Palette { get; }

    /// <summary>How many inks there are.</summary>
    public int Count => _lookups.Length;

    /// <summary>Coverage (0-255) to palette index, for one ink.</summary>
    public ReadOnlySpan<byte> Lookup(int ink) => _lookups[ink];

    /// <summary>
    /// Writes the palette index of each coverage byte, for <paramref name="ink"/>, into <paramref name="target"/> (as
    /// <see cref="Lookup"/> gives them): sixteen pixels at a time by the lookup's own arithmetic, since a table cannot
    /// be read sixteen entries at once. Rows of text are most of a card's pixels outside zlib.
    /// </summary>
    public void Map(ReadOnlySpan<byte> coverage, int ink, Span<byte> target)
    {
        if (target.Length < coverage.Length) throw new ArgumentException("The target is shorter than the coverage.", nameof(target));
        var lookup = _lookups[ink];
        var x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // The same arithmetic as below, thirty-two pixels a step where the processor has 256-bit vectors.
            var levels = Vector256.Create((ushort)Levels);
            var half = Vector256.Create((ushort)127);
            var one = Vector256.Create((ushort)1);
            var before = Vector256.Create((ushort)(2 + ink * Levels - 1));
            for (; x + Vector256<byte>.Count <= coverage.Length; x += Vector256<byte>.Count)
            {
                var pixels = Vector256.Create<byte>(coverage[x..]);
                // Between glyphs and lines: no coverage is the background, index 0, without the arithmetic.
                if (pixels == Vector256<byte>.Zero)
                {
                    pixels.CopyTo(target[x..]);
                    continue;
                }
                var (low, high) = Vector256.Widen(pixels);
                Vector256.Narrow(Index(low), Index(high)).CopyTo(target[x..]);
            }

            Vector256<ushort> Index(Vector256<ushort> c)
            {
                var n = c * levels + half;
                var step = Vector256.ShiftRightLogical(n + one + Vector256.ShiftRightLogical(n, 8), 8);
                return Vector256.ConditionalSelect(Vector256.Equals(step, Vector256<ushort>.Zero), Vector256<ushort>.Zero, step + before);
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            // step = (84c + 127) / 255, the division done as (n + 1 + (n >> 8)) >> 8, exact for n under 65,535.
            var levels = Vector128.Create((ushort)Levels);
            var half = Vector128.Create((ushort)127);
            var one = Vector128.Create((ushort)1);
            var before = Vector128.Create((ushort)(2 + ink * Levels - 1));
            for (; x + Vector128<byte>.Count <= coverage.Length; x += Vector128<byte>.Count)
            {
                var pixels = Vector128.Create<byte>(coverage[x..]);
                if (pixels == Vector128<byte>.Zero)
                {
                    pixels.CopyTo(target[x..]);
                    continue;
                }
                var (low, high) = Vector128.Widen(pixels);
                Vector128.Narrow(Index(low), Index(high)).CopyTo(target[x..]);
            }

            Vector128<ushort> Index(Vector128<ushort> c)
            {
                var n = c * levels + half;
                var step = Vector128.ShiftRightLogical(n + one + Vector128.ShiftRightLogical(n, 8), 8);
                // Step 0 is the background, index 0.
                return Vector128.ConditionalSelect(Vector128.Equals(step, Vector128<ushort>.Zero), Vector128<ushort>.Zero, step + before);
            }
        }
        for (; x < coverage.Length; x++) target[x] = lookup[coverage[x]];
    }

    /// <summary>The ink over the background at a coverage step, as source-over blending gives it.</summary>
    private static SKColor Blend(SKColor background, SKColor ink, int step) => new(
        Mix(background.Red, ink.Red, step), Mix(background.Green, ink.Green, step), Mix(background.Blue, ink.Blue, step));

    private static byte Mix(byte from, byte to, int step) => (byte)((from * (Levels - step) + to * step + Levels / 2) / Levels);

    private static void Put(byte[] palette, int index, SKColor colour)
    {
        palette[3 * index] = colour.Red;
        palette[3 * index + 1] = colour.Green;
        palette[3 * index + 2] = colour.Blue;
    }
}
