using StaticBriefs.Rendering.Social;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>Code lengths: within the limit however skewed the counts, complete, the same for the same counts.</summary>
public sealed class HuffmanLengthsTests
{
    private static long Kraft(ReadOnlySpan<byte> bits, int limit)
    {
        long sum = 0;
        foreach (var b in bits)
            if (b > 0) sum += 1L << (limit - b);
        return sum;
    }

    [Fact]
    public void Counts_that_would_make_a_deep_tree_are_flattened_to_the_limit_and_the_code_stays_complete()
    {
        // Fibonacci counts make a Huffman tree as deep as there are symbols.
        var counts = new int[30];
        counts[0] = counts[1] = 1;
        for (var i = 2; i < counts.Length; i++) counts[i] = counts[i - 1] + counts[i - 2];
        var bits = new byte[counts.Length];

        HuffmanLengths.Build(counts, bits, 15);

        Assert.All(bits, b => Assert.InRange(b, (byte)1, (byte)15));
        Assert.Equal(1L << 15, Kraft(bits, 15));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0 })]
    [InlineData(new[] { 0, 9, 0, 0 })]
    [InlineData(new[] { 5, 9, 0, 1 })]
    public void At_least_two_symbols_get_a_code(int[] counts)
    {
        var bits = new byte[counts.Length];

        HuffmanLengths.Build(counts, bits, 7);

        Assert.True(bits.Count(b => b > 0) >= 2);
        Assert.Equal(1L << 7, Kraft(bits, 7));
        for (var s = 0; s < counts.Length; s++)
            if (counts[s] > 0) Assert.True(bits[s] > 0);
    }

    [Fact]
    public void Canonical_codes_are_prefix_free_and_bit_reversed()
    {
        byte[] bits = [2, 1, 3, 3];
        var codes = new ushort[4];

        HuffmanLengths.Codes(bits, codes);

        // RFC 1951's example ordering: B=0, A=10, C=110, D=111, each stored low bit first.
        Assert.Equal([0b01, 0b0, 0b011, 0b111], codes.Select(c => (int)c));
    }
}
