using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Views;

public sealed class ViewFactoryTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

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
}
