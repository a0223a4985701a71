using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Packs an ascending id list as Rice-coded gaps in a base64url bit stream: one character for the Rice
/// parameter k, the count (<see cref="PostingCodec"/>), then per gap the quotient in unary (ones, then a
/// zero) and k low bits, six bits per character, most significant first. Facet lists are long and
/// regular, and this costs about log2(1/density) + 1.5 bits per entry, half the size of packed gaps.
/// </summary>
internal static class RiceCodec
{
    internal static void Append(StringBuilder builder, ReadOnlySpan<int> ids, int start)
    {
        if (ids.IsEmpty) return;
        var range = ids[^1] - start + 1;
        var k = 0;
        while ((2 << k) <= range / ids.Length) k++; // k = floor(log2(mean gap)), mean gap >= 1
        builder.Append(PostingCodec.Alphabet[k]);
        PostingCodec.Append(builder, ids.Length);
        var bits = 0;
        var used = 0;
        void Bit(int bit)
        {
            bits = (bits << 1) | bit;
            if (++used == 6)
            {
                builder.Append(PostingCodec.Alphabet[bits]);
                bits = 0;
                used = 0;
            }
        }
        var previous = start - 1;
        foreach (var id in ids)
        {
            var gap = id - previous - 1;
            previous = id;
            for (var q = gap >> k; q > 0; q--) Bit(1);
            Bit(0);
            for (var b = k - 1; b >= 0; b--) Bit((gap >> b) & 1);
        }
        if (used > 0) builder.Append(PostingCodec.Alphabet[bits << (6 - used)]);
    }

    /// <summary>Reads a list back (tests check the writer with it; search.js has its own decoder).</summary>
    internal static List<int> Decode(string text, int start)
    {
        var ids = new List<int>();
        if (text.Length == 0) return ids;
        var k = PostingCodec.Alphabet.IndexOf(text[0], StringComparison.Ordinal);
        var pos = 1;
        var count = 0;
        while (true)
        {
            var digit = PostingCodec.Alphabet.IndexOf(text[pos++], StringComparison.Ordinal);
            count = (count << 5) | (digit & 31);
            if (digit < 32) break;
        }
        var bitPos = pos * 6;
        int Bit()
        {
            var value = PostingCodec.Alphabet.IndexOf(text[bitPos / 6], StringComparison.Ordinal);
            var bit = (value >> (5 - (bitPos % 6))) & 1;
            bitPos++;
            return bit;
        }
        var previous = start - 1;
        for (var i = 0; i < count; i++)
        {
            var q = 0;
            while (Bit() == 1) q++;
            var gap = q;
            for (var b = 0; b < k; b++) gap = (gap << 1) | Bit();
            previous += gap + 1;
            ids.Add(previous);
        }
        return ids;
    }
}
