using System.Text;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

public sealed class RiceCodecTests
{
    public static TheoryData<int[]> Lists() => new()
    {
        new[] { 0 },
        new[] { 5 },
        new[] { 0, 1, 2, 3 },
        new[] { 3, 9, 10, 11, 40, 41, 42, 43, 44, 9999 },
        Enumerable.Range(0, 40).Select(i => i * i * 7).ToArray(),
        Enumerable.Range(0, 1200).Select(i => (i * 3) + (i % 3)).ToArray(),
        new[] { 1_000_000 },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void The_length_is_what_append_writes_with_or_without_impacts(int[] ids)
    {
        var impacts = ids.Select((_, i) => (byte)(1 + (i % 31))).ToArray();
        var withImpacts = new StringBuilder();
        RiceCodec.Append(withImpacts, ids, 0, impacts, RiceCodec.ImpactBits);
        var plain = new StringBuilder();
        RiceCodec.Append(plain, ids, 0);

        Assert.Equal(withImpacts.Length, RiceCodec.Length(ids, 0, RiceCodec.ImpactBits));
        Assert.Equal(plain.Length, RiceCodec.Length(ids, 0, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(int.MaxValue)]
    public void A_packed_integer_s_length_is_what_append_writes(int value)
    {
        var builder = new StringBuilder();
        PostingCodec.Append(builder, value);
        Assert.Equal(builder.Length, PostingCodec.Length(value));
    }
}
