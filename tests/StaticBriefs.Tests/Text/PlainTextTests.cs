using System.Text;
using StaticBriefs.Text;

namespace StaticBriefs.Tests.Text;

/// <summary>
/// The fast word count and white-space collapse agree with their plain definitions (every character through the
/// Unicode tables) on text of every kind: ASCII prose, controls, Unicode spaces and letters, joiners, surrogates.
/// </summary>
public sealed class PlainTextTests
{
    private static readonly string Alphabet = "ab Z9 \t\n\r\f\v\u0085\u00a0\u1680\u2003\u2028\u2029\u202f\u3000'’-_.!~\u007f\u0000é中ǅ\ud83d\ude00\u0301";

    [Theory]
    [InlineData("", 0)]
    [InlineData("don't stop-believing", 2)]
    [InlineData("'quoted' - dash -", 2)]
    [InlineData("v1.2 and 3", 4)]
    [InlineData("über straße 東京", 3)]
    public void Words_are_runs_of_letters_and_digits_joined_by_apostrophes_and_hyphens(string text, int words) =>
        Assert.Equal(words, PlainText.CountWords(text));

    [Fact]
    public void Counts_equal_the_definition_on_random_text()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var text = RandomText(random);
            Assert.Equal(DefinedCount(text), PlainText.CountWords(text));
        }
    }

    [Fact]
    public void Counts_of_long_ascii_text_equal_the_definition_across_64_character_blocks()
    {
        // Mostly ASCII (the vector path), joiner runs across block edges, and now and then a block with a curly quote.
        const string ascii = "ab Z9 '-.-'' x-'y' -- a1-b2 \t\n!~";
        var random = new Random(9);
        for (var i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++) chars[j] = random.Next(200) == 0 ? '’' : ascii[random.Next(ascii.Length)];
            var text = new string(chars);
            Assert.Equal(DefinedCount(text), PlainText.CountWords(text));
        }
    }

    [Fact]
    public void Collapsed_space_equals_the_definition_on_random_text_over_many_chunks()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var builder = new StringBuilder(4);
            var parts = random.Next(1, 6);
            for (var p = 0; p < parts; p++) builder.Append(RandomText(random));
            var text = builder.ToString();
            Assert.Equal(DefinedCollapse(text), PlainText.CollapseSpace(builder));
        }
    }

    [Fact]
    public void Every_unicode_space_is_collapsed_and_no_printable_ascii_is() =>
        Assert.Equal("a b c~d", PlainText.CollapseSpace(new StringBuilder("\u3000a\u2003\u00a0b\u0085\u1680c~d\u2029 ")));

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 40)];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
        return new string(chars);
    }

    private static int DefinedCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) count++;
            inWord = letter || (inWord && c is '\'' or '’' or '-');
        }
        return count;
    }

    private static string DefinedCollapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
