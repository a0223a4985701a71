using System.Text;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

public sealed class RiceCodecTests
{
    public static TheoryData<int, int[]> Lists() => new()
    {
        { 0, new[] { 0 } },
        { 0, new[] { 5 } },
        { 0, new[] { 0, 1, 2, 3 } },
        { 0, new[] { 3, 9, 10, 11, 40, 41, 42, 43, 44, 9999 } },
        // Dense runs then one long gap: quotients in unary far longer than the accumulator takes at once.
        { 0, Enumerable.Range(0, 50).Concat([100_000, 100_001]).ToArray() },
        { 7, Enumerable.Range(0, 40).Select(i => 7 + (i * i * 7)).ToArray() },
        { 0, Enumerable.Range(0, 1200).Select(i => (i * 3) + (i % 3)).ToArray() },
        // A few ids far apart: a large k.
        { 0, new[] { 1_000_000, 500_000_000, 2_000_000_000 } },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Id_lists_with_impacts_round_trip_through_the_bit_stream(int start, int[] ids)
    {
        var impacts = ids.Select((_, i) => (byte)(1 + (i % 31))).ToArray();
        var withImpacts = new StringBuilder();
        RiceCodec.Append(withImpacts, ids, start, impacts, RiceCodec.ImpactBits);
        var plain = new StringBuilder();
        RiceCodec.Append(plain, ids, start);

        var decoded = new List<int>();
        Assert.Equal(ids, RiceCodec.Decode(withImpacts.ToString(), start, RiceCodec.ImpactBits, decoded));
        Assert.Equal(impacts.Select(i => (int)i), decoded);
        Assert.Equal(ids, RiceCodec.Decode(plain.ToString(), start));
    }

    [Fact]
    public void The_stream_is_the_one_search_js_reads_bit_for_bit()
    {
        // k = 1 (mean gap 2.5), count 4, then per id: quotient in unary, a zero, one low bit, five payload bits.
        var builder = new StringBuilder();
        RiceCodec.Append(builder, [1, 2, 6, 9], 0, [31, 1, 2, 3], RiceCodec.ImpactBits);
        // gaps 1,0,3,2 -> 0 1 11111 | 0 0 00001 | 10 1 00010 | 10 0 00011, padded to whole characters of six.
        var bits = "0111111" + "0000001" + "10100010" + "10000011";
        bits = bits.PadRight((bits.Length + 5) / 6 * 6, '0');
        var expected = "B" + "E" + string.Concat(Enumerable.Range(0, bits.Length / 6).Select(i => PostingCodec.Alphabet[Convert.ToInt32(bits.Substring(i * 6, 6), 2)]));
        Assert.Equal(expected, builder.ToString());
    }
}
