using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>The words the tokenizer reads, and what kind each is (the shared vectors check the resulting terms against search.js).</summary>
public sealed class SearchTokenizerTests
{
    private static List<(string Word, TokenKind Kind)> Read(string text)
    {
        var list = new List<(string, TokenKind)>();
        Span<char> word = stackalloc char[SearchTokenizer.BufferLength];
        Span<char> whole = stackalloc char[SearchTokenizer.BufferLength];
        var reader = new SearchTokenizer(text, word, whole);
        while (reader.MoveNext()) list.Add((new string(reader.Current), reader.Kind));
        return list;
    }

    [Fact]
    public void A_compound_gives_its_parts_then_itself()
    {
        Assert.Equal([("rustup", TokenKind.Single), ("1", TokenKind.Part), ("27", TokenKind.Part), ("0", TokenKind.Part), ("1.27.0", TokenKind.Whole)],
            Read("Rustup 1.27.0."));
        Assert.Equal([("faster", TokenKind.Part), ("log", TokenKind.Part), ("faster_log", TokenKind.Whole)], Read("faster_log"));
    }

    [Theory]
    [InlineData("end. Next")]        // a space after the dot: two sentences
    [InlineData("a-b")]              // dashes split only
    [InlineData("x._y")]             // two joiners in a row
    [InlineData("trailing. ")]
    public void Only_a_dot_or_underscore_with_a_letter_or_digit_right_after_joins(string text) =>
        Assert.DoesNotContain(Read(text), w => w.Kind == TokenKind.Whole);

    [Fact]
    public void A_compound_longer_than_a_word_may_be_gives_its_parts_only()
    {
        var text = "aaaaaaaaaa.bbbbbbbbbb.cccccccccc.dddddddddd.e";
        Assert.Equal(["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd", "e"], Read(text).Select(w => w.Word));
        Assert.DoesNotContain(Read(text), w => w.Kind == TokenKind.Whole);
    }

    [Fact]
    public void A_part_too_long_to_keep_ends_the_compound_and_is_skipped()
    {
        var longPart = new string('x', SearchNormalizer.MaxTokenLength + 1);
        Assert.Equal([("a", TokenKind.Part), ("b", TokenKind.Single), ("c", TokenKind.Part), ("d", TokenKind.Part), ("c.d", TokenKind.Whole)],
            Read($"a.{longPart} b c.d"));
    }

    [Fact]
    public void Name_terms_are_words_and_wholes_without_stop_words_or_parts()
    {
        Assert.Equal(["node.js", "foundation"], SearchNormalizer.NameTerms("The Node.js Foundation"));
        Assert.Equal(["sam", "altman"], SearchNormalizer.NameTerms("Sam Altman"));
    }
}
