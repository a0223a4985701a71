using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>The lexicon kept token sets number their strings by: numbers never change, a damaged list is refused.</summary>
public sealed class LexiconTests
{
    [Fact]
    public void A_string_keeps_its_number_and_new_strings_take_the_next()
    {
        var lexicon = new Lexicon(["merger", "acquires"]);
        Assert.Equal(1, lexicon.IdOf("acquires"));
        Assert.Equal(2, lexicon.IdOf("chip"));
        Assert.Equal(2, lexicon.IdOf("chip"));
        Assert.Equal(["merger", "acquires", "chip"], lexicon.Snapshot());
        Assert.Equal("chip", lexicon[2]);
        Assert.Equal(3, lexicon.Count);
    }

    [Fact]
    public void A_list_naming_a_string_twice_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => new Lexicon(["merger", "merger"]));
    }

    [Fact]
    public void Numbers_given_from_many_threads_are_one_per_string()
    {
        var lexicon = new Lexicon();
        var words = Enumerable.Range(0, 2000).Select(i => "w" + (i % 500)).ToArray();
        var numbers = new int[words.Length];
        Parallel.For(0, words.Length, i => numbers[i] = lexicon.IdOf(words[i]));
        Assert.Equal(500, lexicon.Count);
        for (var i = 0; i < words.Length; i++) Assert.Equal(words[i], lexicon[numbers[i]]);
    }
}
