using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>First-mention links to entity pages: once per entity, and never where a link would be wrong.</summary>
public sealed class EntityLinkTests
{
    private static readonly EntityMatcher Matcher = new([
        ("Anthropic", "/companies/anthropic/"), ("Anthropic PBC", "/companies/anthropic/"),
        ("OpenAI", "/companies/openai/"), ("Andrej Karpathy", "/people/andrej-karpathy/"), ("Karpathy", "/people/andrej-karpathy/"),
    ]);

    private static readonly HashSet<string> KnownPaths = ["/", "/companies/anthropic/", "/companies/openai/", "/people/andrej-karpathy/"];

    private static List<(string Text, string Href)> EntityLinks(string markdown, string basePath = "/")
    {
        var renderer = new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(false), Matcher),
            new LinkContext(basePath, KnownPaths, new Dictionary<string, string>(), new HashSet<string>()));
        var bag = new DiagnosticBag();
        var html = renderer.Render(markdown.ReplaceLineEndings("\n"), "briefs/x.md", 1, bag).Html;
        Assert.Empty(bag.Sorted());
        return [.. TestSite.Parse(html).QuerySelectorAll("a.entity-link").Select(a => (a.TextContent, a.GetAttribute("href")!))];
    }

    [Fact]
    public void Only_the_first_mention_of_each_entity_is_linked_whichever_spelling_it_uses()
    {
        var links = EntityLinks("Karpathy joined Anthropic. Andrej Karpathy said Anthropic PBC and OpenAI differ.\n\nOpenAI again.\n");

        Assert.Equal([("Karpathy", "/people/andrej-karpathy/"), ("Anthropic", "/companies/anthropic/"), ("OpenAI", "/companies/openai/")], links);
    }

    [Fact]
    public void Mentions_inside_code_spans_and_fenced_code_are_skipped_and_the_next_prose_mention_is_linked()
    {
        var links = EntityLinks("Run `Anthropic` here.\n\n```\nOpenAI Anthropic\n```\n\n    Anthropic indented\n\nThen Anthropic and OpenAI.\n");

        Assert.Equal([("Anthropic", "/companies/anthropic/"), ("OpenAI", "/companies/openai/")], links);
    }

    [Fact]
    public void Code_keeps_its_text_without_any_link_inside()
    {
        var renderer = new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(false), Matcher),
            new LinkContext("/", KnownPaths, new Dictionary<string, string>(), new HashSet<string>()));
        var html = renderer.Render("`Anthropic`\n\n```\nOpenAI\n```\n", "briefs/x.md", 1, new DiagnosticBag()).Html;
        var dom = TestSite.Parse(html);

        Assert.Empty(dom.QuerySelectorAll("code a"));
        Assert.Equal("Anthropic", dom.QuerySelector("p code")!.TextContent);
        Assert.Equal("OpenAI\n", dom.QuerySelector("pre code")!.TextContent);
    }

    [Fact]
    public void Existing_links_are_not_wrapped_or_nested()
    {
        var renderer = new MarkdownRenderer(
            MarkdownPipelineFactory.Create(new MarkdownOptions(false), Matcher),
            new LinkContext("/", KnownPaths, new Dictionary<string, string>(), new HashSet<string>()));
        var html = renderer.Render("See [OpenAI's post](https://openai.com/blog) and <https://anthropic.com>.\n", "briefs/x.md", 1, new DiagnosticBag()).Html;
        var dom = TestSite.Parse(html);

        Assert.Empty(dom.QuerySelectorAll("a a"));
        Assert.Empty(dom.QuerySelectorAll("a.entity-link"));
        Assert.Equal(["https://openai.com/blog", "https://anthropic.com"], dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Headings_are_never_linked_and_the_first_mention_in_prose_below_is()
    {
        var links = EntityLinks("## Anthropic hires Karpathy\n\nAnthropic confirmed it.\n");

        Assert.Equal([("Anthropic", "/companies/anthropic/")], links);
    }

    [Fact]
    public void Names_inside_longer_words_are_not_matched()
    {
        Assert.Empty(EntityLinks("OpenAIish and Anthropics and preAnthropic are not names.\n"));
    }

    [Fact]
    public void Words_are_told_apart_by_letters_and_digits_of_any_script()
    {
        var matcher = new EntityMatcher([("Zoë Müller", "/people/zoe/"), ("Meta", "/companies/meta/"), ("Café 42", "/topics/cafe/"), ("Ōkami", "/topics/okami/")]);

        Assert.Equal(
            [(0, 10, "/people/zoe/"), (13, 4, "/companies/meta/"), (40, 7, "/topics/cafe/"), (51, 5, "/topics/okami/")],
            matcher.Matches("Zoë Müller, «Meta» met éMeta and Metaé; Café 42 — “Ōkami”, Ōkamis, 1Meta, Meta2"));
        // A letter of another script, a combining mark's base or a digit next to a name makes it part of a longer word.
        Assert.Empty(matcher.Matches("MetaΩ ΩMeta Meta٣ Zoë Müllerß"));
    }

    [Fact]
    public void Entity_links_honour_the_sites_base_path()
    {
        Assert.Equal([("OpenAI", "/news/companies/openai/")], EntityLinks("OpenAI ships.\n", "/news/"));
    }

    [Fact]
    public void Auto_link_setting_off_leaves_bodies_without_entity_links()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: T\nauto_link_entities: false\n");
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01\ncompanies: [OpenAI]", "OpenAI ships."));
        site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-01-02\ncompanies: [OpenAI]", "OpenAI ships."));
        site.BuildOk();
        site.Write("_site.yml", "title: T\n");
        using var linked = TestSite.CopyOf(site.InputDirectory);
        linked.BuildOk();

        Assert.Empty(site.Html("briefs/a/index.html").QuerySelectorAll(".prose a.entity-link"));
        Assert.Single(linked.Html("briefs/a/index.html").QuerySelectorAll(".prose a.entity-link"));
    }
}
