using System.Buffers.Binary;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Social;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Social;

/// <summary>Social card images: their size, reproducible bytes, reuse by cached builds, and the setting that turns them off.</summary>
public sealed class SocialCardTests : IDisposable
{
    private readonly TestSite _site = new();

    public SocialCardTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/sub/\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: Andrej Karpathy joins Anthropic's pre-training team\ndate: 2024-01-01\ncompanies: [Anthropic]\npeople: [Andrej Karpathy]"));
        _site.Write("briefs/b.md", TestSite.Brief("title: Second\ndate: 2024-02-01"));
    }

    public void Dispose() => _site.Dispose();

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void Each_brief_gets_a_1200_by_630_png_named_in_its_og_image()
    {
        _site.BuildOk();

        Assert.Equal((1200, 630), PngSize(File.ReadAllBytes(_site.OutputPath("social/briefs/a.png"))));
        var page = _site.Html("briefs/a/index.html");
        Assert.Equal("https://example.org/sub/social/briefs/a.png", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Equal("https://example.org/sub/social/briefs/a.png", page.QuerySelector("meta[name='twitter:image']")!.GetAttribute("content"));
    }

    [Fact]
    public void The_same_card_gives_the_same_bytes_and_another_title_other_bytes()
    {
        using var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var card = new SocialCard("Desk", "A title long enough to wrap onto a second line of the card, and a third one too", "1 January 2024", ["Anthropic"]);

        var first = renderer.Render(card);
        Assert.Equal(first, renderer.Render(card));
        Assert.Equal(first, renderer.Render(card with { Entities = ["Anthropic"] }));
        Assert.NotEqual(first, renderer.Render(card with { Title = "Another title" }));
    }

    [Fact]
    public void Writing_a_card_hands_over_the_bytes_render_gives_without_making_an_array_of_them()
    {
        // A build writes each card's bytes to its file from a pooled buffer (SocialImages.Publish): an array a card
        // was 11 MB of a 750-post blog's build.
        using var renderer = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var card = new SocialCard("Desk", "A title long enough to wrap onto a second line of the card, and a third one too", "1 January 2024", ["Anthropic", "OpenAI"]);
        var expected = renderer.Render(card);
        var same = false;
        void Compare(ReadOnlySpan<byte> png) => same = png.SequenceEqual(expected);
        PngBytes compare = Compare;
        renderer.Write(card, compare);

        same = false;
        var before = GC.GetAllocatedBytesForCurrentThread();
        renderer.Write(card, compare);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(same);
        Assert.InRange(allocated, 0, expected.Length / 2);
    }

    [Fact]
    public void A_card_drawn_after_others_on_the_same_thread_is_the_card_a_new_renderer_draws()
    {
        // The renderer keeps one mask a thread and clears only the rows a card inked: nothing of one card may remain.
        using var used = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var crowded = new SocialCard("Desk", "A title long enough to wrap onto a second line of the card, and a third one too, and on", "31 December 2024", ["Anthropic", "OpenAI", "Google DeepMind", "Mistral"]);
        var sparse = new SocialCard("D", "Hi", "1 May 2024", []);
        used.Render(crowded);

        var after = used.Render(sparse);

        using var fresh = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        Assert.Equal(fresh.Render(sparse), after);
        Assert.Equal(fresh.Render(crowded), used.Render(crowded));
    }

    [Fact]
    public void Cards_drawn_on_many_threads_at_once_are_the_cards_drawn_one_by_one()
    {
        // Each thread keeps its own fonts, made at first use: cards of every title size, drawn side by side, must come
        // out as a renderer drawing them alone draws them.
        var cards = Enumerable.Range(0, 24).Select(i => new SocialCard("Desk",
            string.Join(' ', Enumerable.Repeat("Words that make the title longer", i % 6 + 1)) + $" {i}", "2 March 2024", ["Anthropic"])).ToList();
        using var alone = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var expected = cards.Select(alone.Render).ToList();

        using var shared = SocialCardRenderer.Create(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!;
        var drawn = new byte[cards.Count][];
        Parallel.For(0, cards.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => drawn[i % cards.Count] = shared.Render(cards[i % cards.Count]));

        for (var i = 0; i < cards.Count; i++) Assert.Equal(expected[i], drawn[i]);
    }

    [Fact]
    public void A_cached_build_keeps_unchanged_cards_and_draws_a_retitled_one_again()
    {
        _site.BuildOk(o => o with { UseCache = true });
        var a = new FileInfo(_site.OutputPath("social/briefs/a.png"));
        var b = new FileInfo(_site.OutputPath("social/briefs/b.png"));
        var (aTime, bTime, bBytes) = (a.LastWriteTimeUtc, b.LastWriteTimeUtc, File.ReadAllBytes(b.FullName));
        Thread.Sleep(20);
        _site.Write("briefs/b.md", TestSite.Brief("title: Second, retitled\ndate: 2024-02-01"));

        _site.BuildOk(o => o with { UseCache = true });

        Assert.Equal(aTime, new FileInfo(a.FullName).LastWriteTimeUtc);
        Assert.NotEqual(bBytes, File.ReadAllBytes(b.FullName));
        Assert.NotEqual(bTime, new FileInfo(b.FullName).LastWriteTimeUtc);
    }

    [Fact]
    public void Social_images_false_draws_none_and_pages_name_no_image()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/sub/\nsocial_images: false\n");

        _site.BuildOk();

        Assert.False(Directory.Exists(_site.OutputPath("social")));
        var page = _site.Html("briefs/a/index.html");
        Assert.Null(page.QuerySelector("meta[property='og:image']"));
        Assert.Equal("summary", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
    }

    [Fact]
    public void A_brief_with_its_own_image_uses_it_for_og_image_and_gets_no_card()
    {
        _site.Write("briefs/b.md", TestSite.Brief("title: Second\ndate: 2024-02-01\nimage: /img/team.jpg"));
        _site.Write("img/team.jpg", "jpeg bytes");

        _site.BuildOk();

        Assert.Equal("https://example.org/sub/img/team.jpg", _site.Html("briefs/b/index.html").QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.False(_site.OutputExists("social/briefs/b.png"));
    }

    [Fact]
    public void A_card_goes_beside_its_page_path_whatever_the_permalink()
    {
        Assert.Equal("/social/briefs/a.png", SocialCard.PathFor("/briefs/a/"));
        Assert.Equal("/social/2024/05/a.png", SocialCard.PathFor("/2024/05/a/"));
        Assert.Equal("/social/posts/a.html.png", SocialCard.PathFor("/posts/a.html"));
    }

    [Fact]
    public void The_font_key_is_the_hash_of_both_fonts_one_after_the_other()
    {
        byte[] bold = [1, 2, 3], medium = [4, 5];

        var joined = SocialHash.Of(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 1, 2, 3, 4, 5 })));

        Assert.Equal(joined, SocialCardRenderer.FontKeyOf(bold, medium));
        Assert.NotEqual(joined, SocialCardRenderer.FontKeyOf(medium, bold));
    }
}
