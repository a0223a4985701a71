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
    [InlineData("abc", "", 3)]
    [InlineData("ca", "abc", 3)]
    [InlineData("abcdef", "badcfe", 3)]
    [InlineData("summary_derived", "summary", 8)]
    public void Distance_counts_edits_with_adjacent_swaps_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, KeySuggester.Distance(a, b));
    }

    [Fact]
    public void Distance_equals_the_whole_table_for_thousands_of_word_pairs()
    {
        // The suggester keeps three rows of the table; the whole table, filled the textbook way, is the reference.
        static int Reference(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
            return d[a.Length, b.Length];
        }
        var random = new Random(7);
        string Word(int max) => new([.. Enumerable.Range(0, random.Next(max + 1)).Select(_ => "abc_"[random.Next(4)])]);

        for (var n = 0; n < 5000; n++)
        {
            var (a, b) = (Word(9), Word(n % 50 == 0 ? 300 : 9));
            Assert.Equal(Reference(a, b), KeySuggester.Distance(a, b));
        }
    }
}
