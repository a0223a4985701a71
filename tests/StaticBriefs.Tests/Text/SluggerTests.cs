using StaticBriefs.Model;
using StaticBriefs.Text;

namespace StaticBriefs.Tests.Text;

public sealed class SluggerTests
{
    [Theory]
    [InlineData("Anthropic PBC", "anthropic-pbc")]
    [InlineData("Moody's", "moodys")]
    [InlineData("Moody\u2019s", "moodys")]
    [InlineData("Zoë Smith", "zoe-smith")]
    [InlineData("  --Open   AI--  ", "open-ai")]
    [InlineData("GPT-4o", "gpt-4o")]
    [InlineData("Claude 3.5 Sonnet", "claude-3-5-sonnet")]
    [InlineData("AT&T", "at-t")]
    public void Names_become_lower_case_ascii_words_joined_by_dashes(string name, string expected)
    {
        Assert.Equal(expected, Slugger.Slugify(name));
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("!!!")]
    [InlineData("")]
    public void Names_without_ascii_letters_get_a_stable_non_empty_valid_slug(string name)
    {
        var slug = Slugger.Slugify(name);

        Assert.NotEmpty(slug);
        Assert.True(Slugger.IsValidSlug(slug), slug);
        Assert.Equal(slug, Slugger.Slugify(name));
    }

    [Fact]
    public void Different_non_ascii_names_get_different_slugs()
    {
        Assert.NotEqual(Slugger.Slugify("北京"), Slugger.Slugify("上海"));
        Assert.Equal("x-" + Slugger.StableHash("北京"), Slugger.Slugify("北京"));
    }

    [Theory]
    [InlineData("karpathy-joins-anthropic", true)]
    [InlineData("gpt-4o", true)]
    [InlineData("Karpathy", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("with space", false)]
    [InlineData("", false)]
    public void Valid_slugs_are_lower_case_letters_digits_and_inner_dashes(string text, bool valid)
    {
        Assert.Equal(valid, Slugger.IsValidSlug(text));
    }
}
