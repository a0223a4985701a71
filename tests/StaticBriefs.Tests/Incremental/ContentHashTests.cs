using System.IO.Hashing;
using StaticBriefs.Incremental;

namespace StaticBriefs.Tests.Incremental;

/// <summary>A hash made once (the search index's files keep theirs) names the bytes as hashing them again would.</summary>
public sealed class ContentHashTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{\"id\":1}")]
    [InlineData("a longer run of bytes, past the sixteen of one block of the hash")]
    public void The_hex_of_a_hash_made_once_is_the_hash_of_the_bytes(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal(ContentHash.Of(bytes), ContentHash.Of(XxHash128.HashToUInt128(bytes)));
    }

    public static TheoryData<string?[]> Parts => new()
    {
        new string?[] { "options", "/in", null, "" },
        new string?[] { "context", "briefs/2024/a.md", "12", "0123456789abcdef0123456789abcdef" },
        new string?[] { new string('x', 300) },
        new string?[] { new string('y', 700), "and one more" },
        new string?[] { new string('z', 600_000), null },
        Array.Empty<string?>(),
    };

    [Theory]
    [MemberData(nameof(Parts))]
    public void Parts_hashed_at_once_give_the_hash_of_appending_them_one_by_one(string?[] parts)
    {
        var streamed = new XxHash128();
        foreach (var part in parts) ContentHash.Append(streamed, part);

        Assert.Equal(Convert.ToHexStringLower(streamed.GetCurrentHash()), ContentHash.Of(parts));
    }

    [Fact]
    public void Parts_split_differently_hash_differently()
    {
        Assert.NotEqual(ContentHash.Of("ab", "c"), ContentHash.Of("a", "bc"));
        Assert.NotEqual(ContentHash.Of("a", (string?)null), ContentHash.Of("a", ""));
    }

    [Fact]
    public void A_builder_s_text_hashes_as_the_same_text_in_a_string()
    {
        // Many chunks, as a sitemap of thousands of URLs is built.
        var builder = new System.Text.StringBuilder(16);
        for (var i = 0; i < 5_000; i++) builder.Append("<url>https://example.org/briefs/b").Append(i).Append("/</url>\n");

        var chunks = 0;
        foreach (var _ in builder.GetChunks()) chunks++;
        Assert.True(chunks > 1);
        Assert.Equal(ContentHash.Of("text", builder.ToString()), ContentHash.Of("text", builder));
    }
}
