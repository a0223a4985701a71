using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

/// <summary>A document's body, given or read when first asked for.</summary>
public sealed class BodyTextTests
{
    [Fact]
    public void A_body_to_read_is_read_once_when_first_asked_for_whichever_thread_asks()
    {
        var reads = 0;
        var body = new BodyText(() =>
        {
            Interlocked.Increment(ref reads);
            Thread.Sleep(20);
            return "Anthropic hired a new CFO.";
        }, BodyText.HashOf("Anthropic hired a new CFO."));
        Assert.False(body.IsRead);
        Assert.Equal(0, reads);

        var texts = new string[8];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => texts[i] = body.Text);

        Assert.Equal(1, reads);
        Assert.True(body.IsRead);
        Assert.All(texts, t => Assert.Same(texts[0], t));
    }

    [Fact]
    public void A_body_left_to_read_gives_its_hash_unread_and_a_given_one_hashes_its_text()
    {
        var left = new BodyText(() => throw new InvalidOperationException("not to be read"), BodyText.HashOf("# Moves"));
        var given = new BodyText("# Moves");

        Assert.Equal(given.Hash, left.Hash);
        Assert.Equal(given, left);
        Assert.Equal(given.GetHashCode(), left.GetHashCode());
        Assert.False(left.IsRead);
        Assert.NotEqual(new BodyText("# Moves "), given);
        Assert.Matches("^[0-9a-f]{32}$", given.Hash);
    }

    [Fact]
    public void Bodies_are_equal_when_their_texts_are_and_a_document_gives_its_body_as_text()
    {
        var read = new BodyText(() => "# Moves\n\nOne line.", BodyText.HashOf("# Moves\n\nOne line."));
        var given = new BodyText("# Moves\n\nOne line.");
        Assert.Equal(given, read);
        Assert.Equal(given.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(new BodyText("other"), given);

        var document = new SourceDocument { RelativePath = "briefs/a.md", Kind = DocumentKind.Brief, Title = "A", BodySource = read };
        Assert.Equal("# Moves\n\nOne line.", document.Body);
        Assert.Same(read, (document with { Title = "B" }).BodySource);
        Assert.Equal("", new SourceDocument { RelativePath = "a.md", Kind = DocumentKind.Page, Title = "" }.Body);
    }

    [Fact]
    public void A_body_that_is_part_of_a_longer_text_hashes_and_measures_it_in_place_and_copies_it_once_when_asked()
    {
        var file = "---\ntitle: Café\n---\nZürich 🚀 hired a CFO.\n";
        var start = file.IndexOf("Zürich", StringComparison.Ordinal);
        var body = BodyText.Of(file.AsMemory(start));
        var whole = file[start..];

        Assert.True(body.IsRead);
        Assert.Equal(BodyText.HashOf(whole), body.Hash);
        Assert.Equal((whole.Length, System.Text.Encoding.UTF8.GetByteCount(whole)), body.Measure());
        Assert.Equal(new BodyText(whole), body);
        var text = body.Text;
        Assert.Equal(whole, text);
        Assert.Same(text, body.Text);
        Assert.Same(BodyText.Empty, BodyText.Of(ReadOnlyMemory<char>.Empty));
        Assert.Same(file, BodyText.Of(file.AsMemory()).Text);
    }
}
