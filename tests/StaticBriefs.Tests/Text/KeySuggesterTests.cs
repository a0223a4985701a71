using StaticBriefs.Loading;
using StaticBriefs.Text;

namespace StaticBriefs.Tests.Text;

public sealed class KeySuggesterTests
{
    [Theory]
    [InlineData("compnies", "companies")]
    [InlineData("Companies", "companies")]
    [InlineData("summmary", "summary")]
    [InlineData("tilte", "title")]
    [InlineData("topcis", "topics")]
    [InlineData("source", "sources")]
    public void Close_misspellings_suggest_the_known_key(string word, string expected)
    {
        Assert.Equal(expected, KeySuggester.Closest(word, DocumentLoader.KnownKeys));
    }

    [Theory]
    [InlineData("mood")]
    [InlineData("featured_image")]
    [InlineData("title")]
    public void Unrelated_words_and_exact_matches_suggest_nothing(string word)
    {
        Assert.Null(KeySuggester.Closest(word, DocumentLoader.KnownKeys));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_with_adjacent_swaps_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, KeySuggester.Distance(a, b));
    }
}
