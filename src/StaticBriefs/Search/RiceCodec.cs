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
        // Bits go into an accumulator, most significant first, and leave it six at a time: the newest `used` bits of
        // `bits` are those not written yet (at most 5 between groups, so a group of up to 58 more always fits).
        var alphabet = PostingCodec.Alphabet;
        var bits = 0UL;
        var used = 0;
        var lowMask = (1UL << k) - 1;
        var payloadMask = (1UL << payloadBits) - 1;
        var previous = start - 1;
        for (var i = 0; i < ids.Length; i++)
        {
            var gap = ids[i] - previous - 1;
            previous = ids[i];
            // The quotient in unary: ones, then a zero.
            for (var q = gap >> k; q > 0;)
            {
                var ones = Math.Min(q, 32);
                bits = (bits << ones) | ((1UL << ones) - 1);
                used += ones;
                q -= ones;
                while (used >= 6) builder.Append(alphabet[(int)((bits >> (used -= 6)) & 63)]);
            }
            bits = (bits << (1 + k)) | ((ulong)gap & lowMask);
            used += 1 + k;
            if (payloadBits > 0)
            {
                bits = (bits << payloadBits) | (payloads[i] & payloadMask);
                used += payloadBits;
            }
            while (used >= 6) builder.Append(alphabet[(int)((bits >> (used -= 6)) & 63)]);
        }
        if (used > 0) builder.Append(alphabet[(int)((bits << (6 - used)) & 63)]);
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
