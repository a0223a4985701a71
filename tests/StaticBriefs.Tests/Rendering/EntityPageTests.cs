using System.Text.Json;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>Company and person pages of a small site whose co-mention counts are known by construction.</summary>
public sealed class EntityPageTests : IDisposable
{
    private readonly TestSite _site = new();

    public EntityPageTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        _site.Write("_data/companies.yml",
            "- name: Anthropic\n  aliases: [Anthropic PBC]\n  description: Builds Claude.\n  website: https://www.anthropic.com\n- name: OpenAI\n  aliases: [Open AI]\n- name: Tesla\n- name: Google\n");
        _site.Write("_data/people.yml",
            "- name: Andrej Karpathy\n  aliases: [Karpathy]\n  current: [Anthropic PBC]\n  past: [Open AI, Tesla, Google]\n");
        _site.Write("_data/topics.yml", "- name: Talent\n");
        // Karpathy shares 3 briefs with Anthropic, 2 with OpenAI, 2 with Talent, 1 with Tesla.
        Brief("a", "2024-01-10", "companies: [Anthropic, OpenAI]\npeople: [Andrej Karpathy]\ntopics: [Talent]");
        Brief("b", "2024-01-20", "companies: [Anthropic]\npeople: [Karpathy]");
        Brief("c", "2024-03-05", "companies: [OpenAI, Tesla]\npeople: [Andrej Karpathy]\ntopics: [Talent]");
        Brief("d", "2024-03-06", "companies: [Anthropic]\ntopics: [Talent]");
        Brief("e", "2024-03-20", "companies: [Anthropic]\npeople: [Andrej Karpathy]");
        _site.BuildOk();
    }

    private void Brief(string slug, string date, string tags) =>
        _site.Write($"briefs/{slug}.md", TestSite.Brief($"title: Brief {slug}\ndate: {date}\nsummary: About {slug}.\n{tags}"));

    public void Dispose() => _site.Dispose();

    private static List<(string Name, string Href, string Count)> CoMentions(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".co-mentions li").Select(li => (
            li.QuerySelector("a")!.TextContent.Trim(), li.QuerySelector("a")!.GetAttribute("href")!, li.QuerySelector(".count")!.TextContent.Trim()))];

    [Fact]
    public void Person_page_lists_co_mentioned_entities_grouped_by_kind_most_shared_first_then_by_name()
    {
        var page = _site.Html("people/andrej-karpathy/index.html");

        Assert.Equal(
            [("Anthropic", "/companies/anthropic/", "3"), ("OpenAI", "/companies/openai/", "2"), ("Tesla", "/companies/tesla/", "1"), ("Talent", "/topics/talent/", "2")],
            CoMentions(page));
        Assert.Equal(["Companies", "Topics"], page.QuerySelectorAll(".co-mentions h3").Select(h => h.TextContent.Trim()));
        Assert.All(page.QuerySelectorAll(".co-mentions li.co-companies a"), a => Assert.StartsWith("/companies/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Company_page_co_mentions_count_only_briefs_naming_both()
    {
        Assert.Equal(
            [("OpenAI", "/companies/openai/", "1"), ("Andrej Karpathy", "/people/andrej-karpathy/", "3"), ("Talent", "/topics/talent/", "2")],
            CoMentions(_site.Html("companies/anthropic/index.html")));
    }

    [Fact]
    public void Company_page_lists_the_people_now_and_formerly_there_from_the_people_data()
    {
        var page = _site.Html("companies/openai/index.html");
        var terms = page.QuerySelectorAll(".affiliations dt").Select(dt => dt.TextContent.Trim()).ToList();
        var lists = page.QuerySelectorAll(".affiliations dd").ToList();

        Assert.Equal(["Formerly here"], terms);
        Assert.Equal(["/people/andrej-karpathy/"], lists[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var anthropic = _site.Html("companies/anthropic/index.html");
        Assert.Equal(["Now here"], anthropic.QuerySelectorAll(".affiliations dt").Select(dt => dt.TextContent.Trim()));
        Assert.Equal("Andrej Karpathy", anthropic.QuerySelector(".affiliations dd a")!.TextContent.Trim());
    }

    [Fact]
    public void Person_page_lists_the_companies_of_their_briefs_with_the_years_they_appear_together()
    {
        var spans = _site.Html("people/andrej-karpathy/index.html").QuerySelectorAll(".affiliations .spans li")
            .Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(["Anthropic 2024", "OpenAI 2024", "Tesla 2024"], spans);
    }

    [Fact]
    public void Person_page_years_list_only_the_persons_own_companies_not_every_company_their_briefs_name()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        site.Write("_data/people.yml", "- name: Ilya Sutskever\n  current: [Safe Superintelligence]\n  past: [OpenAI]\n- name: Nobody Known\n");
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2023-05-01\ncompanies: [OpenAI, Tesla]\npeople: [Ilya Sutskever, Nobody Known]"));
        site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-06-01\ncompanies: [Safe Superintelligence, OpenAI, Microsoft]\npeople: [Ilya Sutskever]"));
        site.BuildOk();

        var spans = site.Html("people/ilya-sutskever/index.html").QuerySelectorAll(".affiliations .spans li")
            .Select(li => li.TextContent.Trim()).ToList();

        // Tesla and Microsoft are named beside him, but he never worked there: they belong in "Often mentioned with".
        Assert.Equal(["OpenAI 2023–2024", "Safe Superintelligence 2024"], spans);
        Assert.Empty(site.Html("people/nobody-known/index.html").QuerySelectorAll(".affiliations"));
    }

    [Fact]
    public void A_company_a_person_left_twice_is_named_once_under_previously()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        site.Write("_data/companies.yml", "- name: OpenAI\n  aliases: [Open AI]\n- name: Tesla\n- name: Anthropic\n");
        // Two stints at OpenAI, the second written with its alias: one company, named once.
        site.Write("_data/people.yml", "- name: Andrej Karpathy\n  current: [Anthropic]\n  past: [OpenAI, Tesla, Open AI]\n");
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-01\ncompanies: [Anthropic]\npeople: [Andrej Karpathy]"));
        site.BuildOk();

        var previously = site.Html("people/andrej-karpathy/index.html").QuerySelectorAll(".affiliations dt")
            .Single(dt => dt.TextContent == "Previously").NextElementSibling!.TextContent;

        Assert.Equal("OpenAI, Tesla", previously);
    }

    [Fact]
    public void A_lone_brief_under_no_date_heading_is_one_level_below_the_list_heading()
    {
        var page = _site.Html("companies/tesla/index.html");

        Assert.Empty(page.QuerySelectorAll(".timeline .date-heading"));
        Assert.Equal("H3", LinkChecker.Single(page, ".timeline .card-title").TagName);
        // Where a heading groups several briefs, the cards sit under it.
        var anthropic = _site.Html("companies/anthropic/index.html");
        Assert.All(anthropic.QuerySelectorAll(".timeline .card-title"), h => Assert.Equal("H4", h.TagName));
    }

    [Fact]
    public void The_chart_table_follows_the_figure_so_the_caption_stays_its_last_child()
    {
        var page = _site.Html("companies/anthropic/index.html");

        Assert.Equal("FIGCAPTION", LinkChecker.Single(page, "figure.activity").LastElementChild!.TagName);
        Assert.NotNull(page.QuerySelector(".activity-block > figure.activity + details.activity-table"));
    }

    [Fact]
    public void Cards_on_an_entity_page_leave_out_that_entity_but_keep_the_others()
    {
        var page = _site.Html("companies/anthropic/index.html");
        var chips = page.QuerySelectorAll(".timeline .card .tag a").Select(a => a.GetAttribute("href")).ToList();

        Assert.DoesNotContain("/companies/anthropic/", chips);
        Assert.Contains("/companies/openai/", chips);
        Assert.Contains("/people/andrej-karpathy/", chips);
        // The home page's cards, rendered from the same shared card, still carry it.
        Assert.Contains("/companies/anthropic/", _site.Html("index.html").QuerySelectorAll(".card .tag a, .lead .tag a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Entity_page_chart_has_a_title_a_description_and_the_same_facts_as_text()
    {
        var page = _site.Html("companies/anthropic/index.html");
        var svg = LinkChecker.Single(page, "figure.activity svg");

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("activity-title activity-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("Briefs naming Anthropic, per month", page.GetElementById("activity-title")!.TextContent);
        var caption = page.QuerySelector("figure.activity figcaption")!.TextContent.Trim();
        Assert.Equal("4 briefs from January 2024 to March 2024; the busiest month was January 2024, with 2.", caption);
        Assert.Equal(caption, page.GetElementById("activity-desc")!.TextContent);
        Assert.Equal(["2024", "4"], page.QuerySelectorAll(".activity-table tbody td").Select(td => td.TextContent));
        Assert.Equal(2, svg.QuerySelectorAll("rect").Length); // January and March; February had none
    }

    [Fact]
    public void Person_page_links_current_and_past_companies_through_aliases_and_names_those_without_a_page_plainly()
    {
        var groups = _site.Html("people/andrej-karpathy/index.html").QuerySelectorAll(".affiliations dd").ToList();

        Assert.Equal(3, groups.Count);
        Assert.Equal(["/companies/anthropic/"], groups[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/companies/openai/", "/companies/tesla/"], groups[1].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("OpenAI, Tesla, Google", groups[1].TextContent.Trim());
    }

    [Fact]
    public void Timeline_groups_briefs_by_month_newest_first()
    {
        var months = _site.Html("companies/anthropic/index.html").QuerySelectorAll(".timeline .date-section").ToList();

        Assert.Equal(["March 2024", "January 2024"], months.Select(m => m.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Equal(["d-2024-03", "d-2024-01"], months.Select(m => m.QuerySelector("h3")!.Id));
        Assert.Equal(["/briefs/e/", "/briefs/d/"], months[0].QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/briefs/b/", "/briefs/a/"], months[1].QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void A_month_with_one_brief_gets_no_heading_of_its_own()
    {
        // Karpathy: e (March), c (March), b (January), a (January); Tesla has one brief, so no heading at all.
        Assert.Empty(_site.Html("companies/tesla/index.html").QuerySelectorAll(".timeline .date-heading"));
        Assert.Single(_site.Html("companies/tesla/index.html").QuerySelectorAll(".timeline .card"));
    }

    [Fact]
    public void Entity_json_feed_has_every_field_json_feed_1_1_requires()
    {
        using var json = JsonDocument.Parse(_site.ReadOutput("people/andrej-karpathy/feed.json"));
        var root = json.RootElement;

        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Equal("https://example.org/people/andrej-karpathy/", root.GetProperty("home_page_url").GetString());
        Assert.Equal("https://example.org/people/andrej-karpathy/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["https://example.org/briefs/e/", "https://example.org/briefs/c/", "https://example.org/briefs/b/", "https://example.org/briefs/a/"],
            items.Select(i => i.GetProperty("id").GetString()));
        Assert.All(items, item =>
        {
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), out _));
        });
    }

    [Theory]
    [InlineData("companies/anthropic/index.html", "Organization", "Anthropic")]
    [InlineData("people/andrej-karpathy/index.html", "Person", "Andrej Karpathy")]
    public void Entity_page_json_ld_parses_as_organization_or_person(string file, string type, string name)
    {
        var script = LinkChecker.Single(_site.Html(file), "script[type='application/ld+json']");
        using var json = JsonDocument.Parse(script.TextContent);

        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        Assert.Equal(type, json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(name, json.RootElement.GetProperty("name").GetString());
        Assert.StartsWith("https://example.org/", json.RootElement.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Company_json_ld_carries_the_description_and_website_from_the_data_file()
    {
        var script = LinkChecker.Single(_site.Html("companies/anthropic/index.html"), "script[type='application/ld+json']");
        using var json = JsonDocument.Parse(script.TextContent);

        Assert.Equal("Builds Claude.", json.RootElement.GetProperty("description").GetString());
        Assert.Equal("https://www.anthropic.com", json.RootElement.GetProperty("sameAs").GetString());
    }
}
