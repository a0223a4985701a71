namespace StaticBriefs.Search;

/// <summary>
/// The fields a brief is indexed in, and their BM25F parameters: each field's term frequency is normalised by that
/// field's own length (against its average over the site) and weighted before the one saturation, so a title that
/// is the query counts fully however long the body is. A term's frequencies in the five fields travel packed in
/// one <see cref="uint"/> (title 5 bits, headings 6, summary 5, entity names 5, body 10), each capped: BM25 saturates
/// long before the caps. The top bit says the term occurred as a word as it is (not only as the stem of others).
/// </summary>
internal static class SearchFields
{
    internal const int Title = 0, Headings = 1, Summary = 2, Entities = 3, Body = 4, Count = 5;

    /// <summary>BM25F weight per field: a word in the title counts as six in the body, once lengths are normalised.</summary>
    internal static readonly double[] Weights = [6.0, 3.0, 2.5, 3.0, 1.0];

    /// <summary>Length normalisation per field (BM25's b): short fields barely, the body fully.</summary>
    internal static readonly double[] LengthNormalisation = [0.3, 0.5, 0.4, 0.2, 0.75];

    private static readonly int[] Shifts = [0, 5, 11, 16, 21];
    private static readonly int[] Bits = [5, 6, 5, 5, 10];

    /// <summary>Set when the term itself was a word of the text ("rust"), not only the stem of others ("weav" of "weaver"...).</summary>
    internal const uint Verbatim = 1u << 31;

    /// <summary>Adds one occurrence in <paramref name="field"/> to a packed set of frequencies (saturating).</summary>
    internal static void Increment(ref uint packed, int field)
    {
        var max = (1u << Bits[field]) - 1;
        if (((packed >> Shifts[field]) & max) < max) packed += 1u << Shifts[field];
    }

    /// <summary>The body frequency of a packed set with no occurrence in another field, else 0.</summary>
    internal static int BodyOnly(uint packed) => (packed & OtherFields) == 0 ? Frequency(packed, Body) : 0;

    private static readonly uint OtherFields = ~Verbatim & ~(((1u << Bits[Body]) - 1) << Shifts[Body]);

    /// <summary>The frequency in <paramref name="field"/> of a packed set.</summary>
    internal static int Frequency(uint packed, int field) => (int)((packed >> Shifts[field]) & ((1u << Bits[field]) - 1));
}
