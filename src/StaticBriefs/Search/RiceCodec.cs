using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Packs an ascending id list as Rice-coded gaps in a base64url bit stream: one character for the Rice
/// parameter k, the count (<see cref="PostingCodec"/>), then per id the gap's quotient in unary (ones, then
/// a zero), its k low bits and optionally a fixed-width payload (a posting's impact), six bits per
/// character, most significant first. This costs about log2(1/density) + 1.5 bits per id plus the payload:
/// a word found in every brief takes under a byte per brief, where packed gaps took two.
/// </summary>
internal static class RiceCodec
{
    /// <summary>Bits of a posting's impact (1..<see cref="SearchIndexWriter.MaxImpact"/>).</summary>
    internal const int ImpactBits = 5;

    internal static void Append(StringBuilder builder, ReadOnlySpan<int> ids, int start) => Append(builder, ids, start, default, 0);

    /// <summary>Appends <paramref name="ids"/> (all >= <paramref name="start"/>), each followed by <paramref name="payloadBits"/> bits of its payload.</summary>
    internal static void Append(StringBuilder builder, ReadOnlySpan<int> ids, int start, ReadOnlySpan<byte> payloads, int payloadBits)
    {
        if (ids.IsEmpty) return;
        var range = ids[^1] - start + 1;
        var k = 0;
        while ((2 << k) <= range / ids.Length) k++; // k = floor(log2(mean gap)), mean gap >= 1
        builder.Append(PostingCodec.Alphabet[k]);
        PostingCodec.Append(builder, ids.Length);
        var bits = 0;
        var used = 0;
        void Bits(int value, int count)
        {
            for (var b = count - 1; b >= 0; b--)
            {
                bits = (bits << 1) | ((value >> b) & 1);
                if (++used == 6)
                {
                    builder.Append(PostingCodec.Alphabet[bits]);
                    bits = 0;
                    used = 0;
                }
            }
        }
        var previous = start - 1;
        for (var i = 0; i < ids.Length; i++)
        {
            var gap = ids[i] - previous - 1;
            previous = ids[i];
            for (var q = gap >> k; q > 0; q--) Bits(1, 1);
            Bits(0, 1);
            Bits(gap, k);
            if (payloadBits > 0) Bits(payloads[i], payloadBits);
        }
        if (used > 0) builder.Append(PostingCodec.Alphabet[bits << (6 - used)]);
    }

    /// <summary>The number of characters <see cref="Append(StringBuilder, ReadOnlySpan{int}, int, ReadOnlySpan{byte}, int)"/> writes for <paramref name="ids"/>: a fixed-width payload does not change it.</summary>
    internal static int Length(ReadOnlySpan<int> ids, int start, int payloadBits)
    {
        if (ids.IsEmpty) return 0;
        var range = ids[^1] - start + 1;
        var k = 0;
        while ((2 << k) <= range / ids.Length) k++;
        long bits = (long)ids.Length * (1 + k + payloadBits);
        var previous = start - 1;
        foreach (var id in ids)
        {
            bits += (id - previous - 1) >> k;
            previous = id;
        }
        return 1 + PostingCodec.Length(ids.Length) + (int)((bits + 5) / 6);
    }

    /// <summary>Reads a list back (tests check the writer with it; search.js has its own decoder).</summary>
    internal static List<int> Decode(string text, int start) => Decode(text, start, 0, null);

    /// <summary>Reads ids back, and each id's payload into <paramref name="payloads"/> when it is given.</summary>
    internal static List<int> Decode(string text, int start, int payloadBits, List<int>? payloads)
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
            var payload = 0;
            for (var b = 0; b < payloadBits; b++) payload = (payload << 1) | Bit();
            payloads?.Add(payload);
        }
        return ids;
    }
}
