namespace StaticBriefs.Rendering.Social;

/// <summary>Length-limited Huffman code lengths for symbol frequencies, and deflate's canonical codes for them.</summary>
internal static class HuffmanLengths
{
    /// <summary>
    /// Fills <paramref name="bits"/> with a code length for each symbol of <paramref name="frequencies"/> (0 for unused
    /// ones), none over <paramref name="limit"/>. At least two symbols always get a code, so the code is complete, as
    /// inflaters require: an unused symbol is given the least frequency when fewer than two are used. Ties are broken
    /// by symbol, so the same frequencies give the same lengths.
    /// </summary>
    public static void Build(ReadOnlySpan<int> frequencies, Span<byte> bits, int limit)
    {
        var symbols = frequencies.Length;
        Span<long> weights = stackalloc long[symbols];
        var used = 0;
        for (var s = 0; s < symbols; s++)
        {
            weights[s] = frequencies[s];
            if (frequencies[s] > 0) used++;
        }
        for (var s = 0; used < 2 && s < symbols; s++)
            if (weights[s] == 0) { weights[s] = 1; used++; }

        Span<long> leaves = stackalloc long[used];
        Span<long> nodeWeights = stackalloc long[2 * used];
        Span<int> parents = stackalloc int[2 * used];
        Span<byte> depths = stackalloc byte[2 * used];
        while (true)
        {
            var at = 0;
            for (var s = 0; s < symbols; s++)
                if (weights[s] > 0) leaves[at++] = weights[s] << 10 | (long)s;
            leaves.Sort();
            if (Depths(leaves, nodeWeights, parents, depths) <= limit) break;
            // Too deep: flatten the weights (halved, none to zero) and build again.
            for (var s = 0; s < symbols; s++)
                if (weights[s] > 0) weights[s] = (weights[s] + 1) >> 1;
        }
        bits.Clear();
        for (var i = 0; i < used; i++) bits[(int)(leaves[i] & 0x3ff)] = depths[i];
    }

    /// <summary>
    /// Builds the tree over <paramref name="leaves"/> (weight and symbol, ascending) with two queues: leaves in order,
    /// then nodes made in the order of their weights. Returns the deepest leaf's depth; leaf i's depth is depths[i].
    /// </summary>
    private static int Depths(ReadOnlySpan<long> leaves, Span<long> weights, Span<int> parents, Span<byte> depths)
    {
        var count = leaves.Length;
        for (var i = 0; i < count; i++) weights[i] = leaves[i] >> 10;
        int leaf = 0, node = count;
        for (var made = count; made < 2 * count - 1; made++)
        {
            var first = leaf < count && (node >= made || weights[leaf] <= weights[node]) ? leaf++ : node++;
            var second = leaf < count && (node >= made || weights[leaf] <= weights[node]) ? leaf++ : node++;
            weights[made] = weights[first] + weights[second];
            parents[first] = made;
            parents[second] = made;
        }
        var root = 2 * count - 2;
        depths[root] = 0;
        var deepest = 0;
        for (var i = root - 1; i >= 0; i--)
        {
            var depth = depths[parents[i]] + 1;
            depths[i] = (byte)Math.Min(depth, 255);
            if (i < count) deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    /// <summary>Deflate's canonical codes for the lengths (RFC 1951 3.2.2), bit-reversed, since deflate writes codes from their top bit into a stream read from each byte's low bit.</summary>
    public static void Codes(ReadOnlySpan<byte> bits, Span<ushort> codes)
    {
        Span<int> perLength = stackalloc int[16];
        perLength.Clear();
        foreach (var length in bits) perLength[length]++;
        perLength[0] = 0;
        Span<int> next = stackalloc int[16];
        var code = 0;
        for (var length = 1; length < 16; length++)
        {
            code = (code + perLength[length - 1]) << 1;
            next[length] = code;
        }
        for (var s = 0; s < bits.Length; s++)
        {
            var length = bits[s];
            codes[s] = length == 0 ? (ushort)0 : Reverse(next[length]++, length);
        }
    }

    private static ushort Reverse(int code, int length)
    {
        var reversed = 0;
        for (var i = 0; i < length; i++, code >>= 1) reversed = reversed << 1 | (code & 1);
        return (ushort)reversed;
    }
}
