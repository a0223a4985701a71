using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Packs unsigned integers into JSON-safe text: base64url characters carrying 5 bits each, where the
/// upper half of the alphabet means "more characters follow" (big-endian). A gap of up to 31 or an
/// impact fits in one character, which keeps postings near two bytes each without binary files.
/// </summary>
internal static class PostingCodec
{
    internal const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Appends <paramref name="value"/> (non-negative) to <paramref name="builder"/>.</summary>
    internal static void Append(StringBuilder builder, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var shift = 0;
        while (value >> shift >= 32) shift += 5;
        for (; shift > 0; shift -= 5) builder.Append(Alphabet[32 + ((value >> shift) & 31)]);
        builder.Append(Alphabet[value & 31]);
    }

    /// <summary>Reads the integers back (tests use it to check the writer; search.js has its own decoder).</summary>
    internal static List<int> Decode(string text)
    {
        var values = new List<int>();
        var value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) throw new FormatException($"Not a posting character: '{c}'.");
            value = (value << 5) | (digit & 31);
            if (digit < 32)
            {
                values.Add(value);
                value = 0;
            }
        }
        return values;
    }
}
