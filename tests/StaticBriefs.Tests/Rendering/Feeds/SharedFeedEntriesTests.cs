using StaticBriefs.Model;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Tests.Search;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Feeds;

/// <summary>
/// The feed renderer makes and encodes each brief's entry once for all the feeds showing it, and lets go of it after
/// the last: its feeds are those written entry by entry, and it never holds every entry at once.
/// </summary>
public sealed class SharedFeedEntriesTests : IDisposable
{
    private const int Briefs = 12;
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>
    /// Brief i names companies "Co i" and "Co i+1", so each company's feed shares a brief with the next one's; feeds
    /// list 2 briefs, and brief 3 reports a relation between its two companies (their feeds carry it).
    /// </summary>
    private (SiteModel Site, ViewFactory Views, RenderedBrief[] Rendered) Site(string entities)
    {
        _site.Write("_site.yml", $"title: Desk & Co\nbase_url: https://example.org/sub/\nfeeds:\n  entries: 2\n  entities: {entities}\n");
        for (var i = 0; i < Briefs; i++)
        {
            var relation = i == 3 ? "\nrelations: [{subject: Co 3, verb: acquires, object: Co 4}]" : "";
            _site.Write($"briefs/b{i:00}.md", TestSite.Brief(
                $"title: 'Brief {i}: R&D \"quoted\" <b> 🚀 Zoë'\ndate: 2024-01-{i + 1:00}\nsummary: 'Summary {i} & <i>'\ncompanies: [Co {i}, Co {i + 1}]{relation}"));
        }
        var site = _site.Model();
        var rendered = site.Briefs.Select(b => new RenderedBrief(b.Id,
            $"<p>Body {b.Id}: <a href=\"/briefs/b00/\">first</a> & \"quotes\" 🚀\tZoë\r\n</p>\n<img src='/img/x.png'>", 10)).ToArray();
        return (site, new ViewFactory(site), rendered);
    }

    [Theory]
    [InlineData("full", 1)]
    [InlineData("full", 2)]
    [InlineData("summary", 2)]
    public void Feeds_copying_encoded_entries_are_the_feeds_written_entry_by_entry(string entities, int workers)
    {
        var (site, views, rendered) = Site(entities);
        var copied = new InMemoryOutputSink();
        var written = new InMemoryOutputSink();

        var renderer = new FeedRenderer(site, views, copied);
        var files = renderer.RenderAll(rendered, workers);
        new FeedRenderer(site, views, written) { CopiesEncodedEntries = false }.RenderAll(rendered, workers);

        Assert.Equal(2 * (Briefs + 2), files);
        Assert.Equal(written.Files.Keys.Order(StringComparer.Ordinal), copied.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var file in written.Files.Keys) Assert.Equal(written.Text(file), copied.Text(file));
        Assert.Contains("Co 3 acquires Co 4", copied.Text("companies/co-4/feed.xml"), StringComparison.Ordinal);
        Assert.Equal(0, renderer.LiveEntries);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("summary")]
    public void Each_entry_is_let_go_after_the_last_feed_showing_it_so_a_render_never_holds_them_all(string entities)
    {
        var (site, views, rendered) = Site(entities);
        var renderer = new FeedRenderer(site, views, new InMemoryOutputSink());

        renderer.RenderAll(rendered, 1);

        Assert.Equal(0, renderer.LiveEntries);
        // One worker walks the companies in order: the entries held are those of the feeds about its front.
        Assert.InRange(renderer.PeakEntries, 2, Briefs / 2);
    }

    [Fact]
    public void Rendering_some_feeds_writes_them_as_rendering_all_does_and_lets_go_of_their_entries()
    {
        var (site, views, rendered) = Site("full");
        var all = new InMemoryOutputSink();
        new FeedRenderer(site, views, all).RenderAll(rendered, 2);
        var some = new InMemoryOutputSink();
        var companies = site[TaxonomyKind.Companies].ByName.Where((_, i) => i % 3 == 0).Select(t => (t.Kind, t.Key)).ToHashSet();

        var renderer = new FeedRenderer(site, views, some);
        renderer.RenderSome(rendered, new RenderScope { SiteFeed = true, TermFeeds = companies }, 2);

        Assert.Equal(2 * (companies.Count + 1), some.Files.Count);
        foreach (var file in some.Files.Keys) Assert.Equal(all.Text(file), some.Text(file));
        Assert.Equal(0, renderer.LiveEntries);
    }
}
