using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Views;

public sealed class ViewFactoryTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_terms_neighbours_are_the_first_of_all_its_co_mentions_sorted_by_shared_briefs_then_name_then_first_met()
    {
        // Forty briefs naming one topic and, at random, some of 30 companies and 30 people whose names tie ignoring
        // case ("Co 1" and "co 1"), so counts tie often and the order falls to names and then to the first met.
        var random = new Random(3);
        for (var i = 0; i < 40; i++)
        {
            var companies = Enumerable.Range(0, random.Next(0, 6)).Select(_ => (random.Next(2) == 0 ? "Co " : "co ") + random.Next(15)).Distinct(StringComparer.OrdinalIgnoreCase);
            var people = Enumerable.Range(0, random.Next(0, 6)).Select(_ => "Person " + random.Next(30)).Distinct();
            _site.Write($"briefs/b{i}.md", TestSite.Brief($"title: B{i}\ndate: 2024-01-{1 + i % 28:00}\ntopics: [Talent]\ncompanies: [{string.Join(", ", companies)}]\npeople: [{string.Join(", ", people)}]"));
        }
        var site = _site.Model();
        var views = new ViewFactory(site);
        var term = site[TaxonomyKind.Topics].ByName.Single();
        // The definition: every co-mention counted, then one stable sort of them all.
        var counts = new Dictionary<(TaxonomyKind, string), (int Count, string Name)>();
        foreach (var id in term.BriefIds)
        {
            foreach (var kind in TaxonomyKinds.All)
            {
                foreach (var key in site.Briefs[id].TermsOf(kind))
                {
                    if (kind == term.Kind && key == term.Key) continue;
                    var name = site.TermOf(kind, key).Name;
                    counts[(kind, name)] = (counts.GetValueOrDefault((kind, name)).Count + 1, name);
                }
            }
        }
        var sorted = counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.Name, StringComparer.OrdinalIgnoreCase).ToList();

        var (coMentions, related) = views.Neighbours(term, count: 12, perKind: 6);

        Assert.True(counts.Count > 30, $"{counts.Count} co-mentions");
        Assert.Equal(sorted.Take(12).Select(c => (c.Value.Name, c.Value.Count)), coMentions.Select(l => (l.Name, l.Count)));
        foreach (var group in related)
        {
            var kind = TaxonomyKinds.All.Single(k => k.Key() == group.Kind);
            Assert.Equal(sorted.Where(c => c.Key.Item1 == kind).Take(6).Select(c => (c.Value.Name, c.Value.Count)), group.Links.Select(l => (l.Name, l.Count)));
        }
        Assert.Equal(2, related.Count);
    }

    [Fact]
    public void A_card_shows_the_first_chips_of_each_kind_in_the_order_written_and_a_brief_none_of_a_kind_it_lacks()
    {
        var topics = Enumerable.Range(1, ContentCaps.ChipsPerCard + 3).Select(i => $"Topic {i:00}").ToList();
        _site.Write("briefs/a.md", TestSite.Brief($"title: Alpha\ndate: 2024-01-01\ntopics: [{string.Join(", ", Enumerable.Reverse(topics))}]\npeople: [Ada]"));
        var site = _site.Model();
        var views = new ViewFactory(site);
        var brief = site.Briefs.Single();

        var card = views.Card(brief.Id);

        Assert.Equal(Enumerable.Reverse(topics).Take(ContentCaps.ChipsPerCard), card.Topics.Select(l => l.Name));
        Assert.Equal(["Ada"], card.People.Select(l => l.Name));
        Assert.Empty(card.Companies);
        Assert.Equal(topics.Count, views.TermLinks(brief, TaxonomyKind.Topics).Count);
        Assert.Empty(views.TermLinks(brief, TaxonomyKind.Topics, 0));
        Assert.All(card.Topics, link => Assert.Same(views.TermLink(TaxonomyKind.Topics, site[TaxonomyKind.Topics].ByName.Single(t => t.Name == link.Name).Key), link));
    }

    [Fact]
    public void After_an_edit_that_moves_briefs_a_card_that_comes_out_the_same_is_the_earlier_card_object()
    {
        _site.Write("_data/companies.yml", "- name: Anthropic\n- name: OpenAI\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: Alpha\ndate: 2024-01-01\ncompanies: [OpenAI]"));
        _site.Write("briefs/b.md", TestSite.Brief("title: Beta\ndate: 2024-02-01\ncompanies: [Anthropic]"));
        _site.Write("briefs/c.md", TestSite.Brief("title: Gamma\ndate: 2024-03-01"));
        var before = _site.Model();
        var beforeViews = new ViewFactory(before);
        var cards = before.Briefs.ToDictionary(b => b.Source.RelativePath, b => beforeViews.Card(b.Id));
        var ids = before.Briefs.ToDictionary(b => b.Source.RelativePath, b => b.Id);

        // A new newest brief moves every id; Beta is dated anew (its card shows the date), Alpha and Gamma stay as they were.
        _site.Write("briefs/d.md", TestSite.Brief("title: Delta\ndate: 2024-04-01"));
        _site.Write("briefs/b.md", TestSite.Brief("title: Beta\ndate: 2023-02-01\ncompanies: [Anthropic]"));
        var after = _site.Model();
        var carried = new ViewFactory(after, beforeViews, ids);
        var fresh = new ViewFactory(after);
        BriefCard CardOf(ViewFactory views, string file) => views.Card(after.Briefs.Single(b => b.Source.RelativePath == file).Id);

        Assert.Same(cards["briefs/a.md"], CardOf(carried, "briefs/a.md"));
        Assert.Same(cards["briefs/c.md"], CardOf(carried, "briefs/c.md"));
        Assert.NotSame(cards["briefs/b.md"], CardOf(carried, "briefs/b.md"));
        Assert.Equal("2023-02-01", CardOf(carried, "briefs/b.md").DateIso[..10]);
        Assert.NotSame(cards["briefs/a.md"], CardOf(fresh, "briefs/a.md"));
        // An entity's page leaves its own chip off a carried card too (its links are the earlier site's objects).
        var openAi = after[TaxonomyKind.Companies].ByName.Single(t => t.Name == "OpenAI").Key;
        var alpha = after.Briefs.Single(b => b.Source.RelativePath == "briefs/a.md").Id;
        Assert.Empty(carried.CardWithout(alpha, TaxonomyKind.Companies, openAi).Companies);
    }

    [Fact]
    public void Archive_pages_share_one_list_of_years_grouped_once()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: Alpha\ndate: 2023-05-01"));
        _site.Write("briefs/b.md", TestSite.Brief("title: Beta\ndate: 2024-02-01"));
        _site.Write("briefs/c.md", TestSite.Brief("title: Gamma\ndate: 2024-03-01"));
        var views = new ViewFactory(_site.Model());

        var index = views.Archive(null);
        var year = views.Archive(2024);

        Assert.Same(index.Years, year.Years);
        Assert.Same(index.Years, views.Archive(2023).Years);
        Assert.Equal([(2024, 2), (2023, 1)], index.Years.Select(y => (y.Year, y.Count)));
        Assert.Equal([1, 1], year.Year!.Months.Select(m => m.Briefs.Count));
    }

    /// <summary>A site assembled from loaded documents (the same objects each time, as preview keeps them).</summary>
    private SiteModel Assemble(LoadedSite loaded)
    {
        var bag = new StaticBriefs.Diagnostics.DiagnosticBag();
        var site = SiteAssembler.Assemble(loaded, new AssemblyOptions(false, false, TestSite.Now), bag);
        Assert.False(bag.HasErrors);
        return site;
    }

    private (LoadedSite Loaded, ViewFactory Views, Dictionary<string, BriefCard> Cards, Dictionary<string, int> Ids) Earlier()
    {
        _site.Write("_data/companies.yml", "- name: Anthropic\n- name: OpenAI\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: Alpha\ndate: 2024-01-01\ncompanies: [OpenAI, Anthropic]"));
        _site.Write("briefs/b.md", TestSite.Brief("title: Beta\ndate: 2024-02-01\nauthor: Ann"));
        var loaded = StaticBriefs.Loading.SiteLoader.Load(_site.InputDirectory, new StaticBriefs.Diagnostics.DiagnosticBag());
        var site = Assemble(loaded);
        var views = new ViewFactory(site);
        return (loaded, views, site.Briefs.ToDictionary(b => b.Source.RelativePath, b => views.Card(b.Id)),
            site.Briefs.ToDictionary(b => b.Source.RelativePath, b => b.Id));
    }

    private static BriefCard CardOf(SiteModel site, ViewFactory views, string file) =>
        views.Card(site.Briefs.Single(b => b.Source.RelativePath == file).Id);

    [Fact]
    public void A_document_kept_as_it_was_keeps_its_card_when_a_new_brief_moves_the_ids()
    {
        var (loaded, views, cards, ids) = Earlier();
        _site.Write("briefs/c.md", TestSite.Brief("title: Gamma\ndate: 2024-03-01"));
        var added = StaticBriefs.Loading.SiteLoader.Load(_site.InputDirectory, new StaticBriefs.Diagnostics.DiagnosticBag())
            .Documents.Single(d => d.RelativePath == "briefs/c.md");
        var after = Assemble(loaded with { Documents = loaded.Documents.Add(added) });
        var carried = new ViewFactory(after, views, ids);
        Assert.Same(cards["briefs/a.md"], CardOf(after, carried, "briefs/a.md"));
        Assert.Same(cards["briefs/b.md"], CardOf(after, carried, "briefs/b.md"));
        Assert.Equal("Gamma", CardOf(after, carried, "briefs/c.md").Title);
    }

    [Fact]
    public void After_an_edit_a_term_link_that_comes_out_the_same_is_the_earlier_link_object_and_a_changed_one_is_new()
    {
        var (loaded, views, _, ids) = Earlier();
        var before = loaded;
        // Beta now names OpenAI too: OpenAI's count changes, its link (name and address) does not; Anthropic is renamed.
        _site.Write("_data/companies.yml", "- name: Anthropic PBC\n  aliases: [Anthropic]\n- name: OpenAI\n");
        _site.Write("briefs/b.md", TestSite.Brief("title: Beta\ndate: 2024-02-01\nauthor: Ann\ncompanies: [OpenAI]"));
        var reloaded = StaticBriefs.Loading.SiteLoader.Load(_site.InputDirectory, new StaticBriefs.Diagnostics.DiagnosticBag());
        var after = Assemble(reloaded);
        var carried = new ViewFactory(after, views, ids);
        TermKey Key(SiteModel site, string name) => site[TaxonomyKind.Companies].ByName.Single(t => t.Name == name).Key;

        var openAi = Key(after, "OpenAI");
        Assert.Same(views.TermLink(TaxonomyKind.Companies, Key(Assemble(before), "OpenAI")), carried.TermLink(TaxonomyKind.Companies, openAi));
        Assert.NotSame(views.CountedTermLink(TaxonomyKind.Companies, openAi), carried.CountedTermLink(TaxonomyKind.Companies, openAi));
        Assert.Equal(2, carried.CountedTermLink(TaxonomyKind.Companies, openAi).Count);
        Assert.Equal("Anthropic PBC", carried.TermLink(TaxonomyKind.Companies, Key(after, "Anthropic PBC")).Name);
        Assert.NotSame(carried.TermLink(TaxonomyKind.Companies, openAi), new ViewFactory(after).TermLink(TaxonomyKind.Companies, openAi));
    }

    [Fact]
    public void A_kept_document_s_card_is_made_again_when_the_site_author_or_base_path_it_shows_changed()
    {
        var (loaded, views, cards, ids) = Earlier();
        // Alpha has no author of its own: the site's shows on its card. Beta names Ann, whom the site's does not change.
        var byAuthor = Assemble(loaded with { Settings = loaded.Settings with { Author = "The desk" } });
        var carried = new ViewFactory(byAuthor, views, ids);
        Assert.Equal("The desk", CardOf(byAuthor, carried, "briefs/a.md").Author);
        Assert.Same(cards["briefs/b.md"], CardOf(byAuthor, carried, "briefs/b.md"));

        var moved = Assemble(loaded with { Settings = loaded.Settings with { BaseUrl = new Uri("https://example.org/briefs-site/") } });
        var underPath = new ViewFactory(moved, views, ids);
        Assert.StartsWith("/briefs-site/", CardOf(moved, underPath, "briefs/b.md").Url, StringComparison.Ordinal);
        Assert.All(CardOf(moved, underPath, "briefs/a.md").Companies, chip => Assert.StartsWith("/briefs-site/", chip.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void A_kept_document_s_card_is_made_again_when_an_entity_it_shows_is_renamed()
    {
        var (loaded, views, cards, ids) = Earlier();
        // The chip's link text comes from the entity data: a new display name is a new card.
        _site.Write("_data/companies.yml", "- name: Anthropic PBC\n  aliases: [Anthropic]\n- name: OpenAI\n");
        var entities = StaticBriefs.Loading.SiteLoader.Load(_site.InputDirectory, new StaticBriefs.Diagnostics.DiagnosticBag()).Entities;
        var after = Assemble(loaded with { Entities = entities });
        var card = CardOf(after, new ViewFactory(after, views, ids), "briefs/a.md");
        Assert.NotSame(cards["briefs/a.md"], card);
        Assert.Contains(card.Companies, chip => chip.Name == "Anthropic PBC");
    }
}
