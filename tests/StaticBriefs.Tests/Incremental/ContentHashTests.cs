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
}
