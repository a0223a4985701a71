using StaticBriefs.Rendering.Relations;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Relations;

/// <summary>Career lines, company flows and the moves page, read from built sites.</summary>
public sealed class RelationPagesTests
{
    [Fact]
    public void A_persons_page_shows_the_career_line_oldest_first_with_links_to_the_reporting_briefs()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        var page = site.Html("people/andrej-karpathy/index.html");
        var steps = page.QuerySelectorAll(".career-line > li").ToList();
        Assert.Equal(["OpenAI", "Tesla", "Eureka Labs", "Anthropic"], steps.Select(s => s.QuerySelector(".career-company")!.TextContent));
        Assert.Contains("research scientist", steps[0].TextContent);
        Assert.Equal(["2015-12-11", "2017-06-20"], steps[0].QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")));
        Assert.Contains("founded", steps[2].TextContent);
        var joined = steps[3];
        Assert.Contains("pre-training", joined.TextContent);
        Assert.Equal("May 2025", joined.QuerySelector("time")!.TextContent);
        Assert.Equal("/briefs/joins/", joined.QuerySelector(".career-dates a")!.GetAttribute("href"));
        Assert.Equal("/companies/anthropic/", joined.QuerySelector(".career-company a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_companys_page_shows_arrivals_departures_and_the_net_flow_by_year()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        var anthropic = site.Html("companies/anthropic/index.html");
        var arrival = Assert.Single(anthropic.QuerySelectorAll("#arrivals-title + ul li"));
        Assert.StartsWith("Andrej Karpathy joined (pre-training) in May 2025", arrival.TextContent, StringComparison.Ordinal);

        var openai = site.Html("companies/openai/index.html");
        Assert.Equal(["Jan Leike", "Andrej Karpathy"],
            openai.QuerySelectorAll("#departures-title + ul li a:first-child").Select(a => a.TextContent));
        var rows = openai.QuerySelectorAll("table.net-flow tbody tr")
            .Select(r => string.Join('|', r.Children.Select(c => c.TextContent))).ToList();
        Assert.Equal(["2025|0|1|\u22121", "2017|0|1|\u22121", "2015|1|0|+1"], rows);
    }

    [Fact]
    public void A_term_without_relations_has_no_relations_section()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        Assert.Null(site.Html("topics/talent/index.html").QuerySelector(".relations-term"));
    }

    [Fact]
    public void The_moves_page_draws_an_accessible_chart_with_a_table_beside_it()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        var moves = site.Html("moves/index.html");
        var svg = moves.QuerySelector("svg.moves-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("moves-chart-title moves-chart-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Equal("People moving between companies", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("from OpenAI to Tesla", svg.QuerySelector("desc")!.TextContent);
        var rows = moves.QuerySelectorAll("table.moves-table tbody tr")
            .Select(r => string.Join('|', r.Children.Select(c => c.TextContent))).ToList();
        Assert.Equal(["Eureka Labs|Anthropic|Andrej Karpathy", "OpenAI|Tesla|Andrej Karpathy", "Tesla|Eureka Labs|Andrej Karpathy"], rows);
        var latest = moves.QuerySelectorAll(".moves-latest li").Select(li => li.TextContent).ToList();
        Assert.StartsWith("19 May 2025: Andrej Karpathy joins Anthropic", latest[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Relation_links_work_under_a_sub_path()
    {
        using var site = RelationSite.Create();
        site.BuildOk(o => o with { BaseUrl = "https://example.org/briefs-site/" });
        var links = site.Html("moves/index.html").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("/briefs-site/", href, StringComparison.Ordinal));
        var career = site.Html("people/andrej-karpathy/index.html").QuerySelectorAll(".relations-term a").Select(a => a.GetAttribute("href")!);
        Assert.All(career, href => Assert.StartsWith("/briefs-site/", href, StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_and_names_from_front_matter_are_escaped()
    {
        using var site = RelationSite.Create(TestSite.Brief(
            "title: X\ndate: 2025-03-01\nrelations: [{subject: Karpathy, verb: joins, object: Tesla, role: \"<script>alert(1)</script>\"}]"));
        site.BuildOk();
        foreach (var file in (string[])["briefs/extra/index.html", "people/andrej-karpathy/index.html", "companies/tesla/index.html", "moves/index.html"])
        {
            var html = site.ReadOutput(file);
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.Contains("&lt;script&gt;alert(1)", html);
        }
    }

    [Fact]
    public void A_theme_made_before_relations_still_builds_and_gets_the_built_in_moves_layout()
    {
        using var site = RelationSite.Create();
        var theme = Path.Combine(site.Root, "theme");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Theme, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(theme, Path.GetRelativePath(RepoPaths.Theme, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.Delete(Path.Combine(theme, "layouts", "moves.sbn"));
        site.BuildOk(o => o with { ThemeDirectory = theme });
        Assert.Equal("Moves", site.Html("moves/index.html").QuerySelector("main h1")!.TextContent);
        Assert.True(site.OutputExists("relations.json"));
    }

    [Fact]
    public void A_company_page_lists_the_latest_arrivals_on_its_first_page_only_and_counts_the_rest()
    {
        using var site = RelationSite.Create();
        for (var i = 0; i < RelationViews.ListCap + 5; i++)
        {
            site.Write($"briefs/2025/hire-{i}.md", TestSite.Brief(
                $"title: Hire {i}\ndate: 2025-02-{1 + (i % 28):00}\npeople: [Person {i}]\nrelations: [{{subject: Person {i}, verb: joins, object: Tesla}}]"));
        }
        site.BuildOk();
        var first = site.Html("companies/tesla/index.html");
        Assert.Equal(RelationViews.ListCap, first.QuerySelectorAll("#arrivals-title + ul li").Length);
        Assert.Contains($"latest {RelationViews.ListCap} of {RelationViews.ListCap + 6}", first.QuerySelector("#arrivals-title")!.TextContent);
        Assert.Contains("the data file has them all", first.QuerySelector(".relations-term")!.TextContent);
        Assert.Null(site.Html("companies/tesla/page/2/index.html").QuerySelector(".relations-term"));
    }
}
