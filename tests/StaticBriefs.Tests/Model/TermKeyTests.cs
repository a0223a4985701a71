using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

public sealed class TermKeyTests
{
    [Theory]
    [InlineData("OpenAI", "openai")]
    [InlineData("OpenAI", "Open AI")]
    [InlineData("OpenAI", "Open-AI")]
    [InlineData("OpenAI", " OPENAI ")]
    [InlineData("Zoë", "Zoe")]
    [InlineData("Zoë", "zoë")]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("Moody's", "Moodys")]
    [InlineData("Łukasz Kaiser", "lukasz kaiser")]
    [InlineData("Straße", "strasse")]
    public void Spellings_that_differ_only_in_case_space_punctuation_or_accents_are_one_term(string a, string b)
    {
        Assert.Equal(TermKey.From(a), TermKey.From(b));
    }

    [Theory]
    [InlineData("OpenAI", "OpenAI Inc")]
    [InlineData("Meta", "Metal")]
    [InlineData("北京", "上海")]
    public void Different_names_are_different_terms(string a, string b)
    {
        Assert.NotEqual(TermKey.From(a), TermKey.From(b));
    }

    [Fact]
    public void Non_latin_names_keep_their_letters()
    {
        Assert.Equal("北京", TermKey.From("北京").Value);
    }

    [Fact]
    public void A_name_of_only_punctuation_still_has_a_non_empty_key()
    {
        Assert.Equal("?!", TermKey.From(" ?! ").Value);
    }
}
