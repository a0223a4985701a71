using System.Text.RegularExpressions;
using AngleSharp.Dom;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// Issue 17's "done when": each of the five public blogs in <c>tests/RealContent/</c> builds as it is, with only the
/// <c>_site.yml</c> stored beside it (at most 10 lines, as a migrating author writes it), and nothing is lost silently:
/// no error, template syntax shown only with a warning, raw HTML never printed as text, every brief with a summary,
/// every old URL (<c>aliases</c>, <c>redirect_from</c>) with a redirect page and a <c>_redirects</c> rule.
/// </summary>
public sealed partial class RealBlogsAsTheyAreTests
{
    /// <summary>After the newest post of every blog (2026), so none is left out as a future brief.</summary>
    private static readonly DateTimeOffset After = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string BlogFolder(string blog) => Path.Combine(RepoPaths.Root, "tests", "RealContent", blog);

    private static TestSite Copy(string blog)
    {
        var site = TestSite.CopyOf(Path.Combine(BlogFolder(blog), "posts"));
        site.Write("_site.yml", File.ReadAllText(Path.Combine(BlogFolder(blog), "_site.yml")));
        return site;
    }

    /// <summary>The site model as the build sees it: each brief's page and source, and every planned redirect.</summary>
    private static SiteModel Model(TestSite site)
    {
        var bag = new DiagnosticBag();
        var model = SiteAssembler.Assemble(SiteLoader.Load(site.InputDirectory, bag), new AssemblyOptions(false, false, After), bag);
        Assert.DoesNotContain(bag.Sorted(), d => d.Severity == Severity.Error);
        return model;
    }

    [Theory]
    // blog, posts, old URLs kept (aliases + redirect_from), keys written twice (the first value dropped with SB082:
    // Homebrew's 1.0.0 has redirect_from twice, and Jekyll too keeps only the last)
    [InlineData("zola-rust-blog", 60, 56, 0)]
    [InlineData("hugo-opentelemetry-blog", 60, 7, 0)]
    [InlineData("jekyll-jekyllrb-news", 60, 1, 0)]
    [InlineData("jekyll-homebrew-blog", 45, 36, 1)]
    [InlineData("eleventy-11ty-blog", 60, 0, 0)]
    public void A_real_blog_builds_as_it_is_with_a_short_site_yml_and_loses_nothing_silently(string blog, int posts, int oldUrls, int duplicateKeys)
    {
        Assert.InRange(File.ReadAllLines(Path.Combine(BlogFolder(blog), "_site.yml")).Length, 1, 10);
        using var site = Copy(blog);

        var result = site.Build(o => o with { Now = After });

        Assert.False(result.HasErrors, blog + " failed:\n" + string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        Assert.True(result.Written);
        Assert.Equal(posts, result.Briefs);
        var model = Model(site);
        Assert.Equal(posts, model.Briefs.Length);

        var warnedTemplates = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.TemplateSyntax).Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        foreach (var brief in model.Briefs)
        {
            var page = SitePaths.FileFor(brief.Path);
            var html = site.Html(page);
            var source = brief.Source.RelativePath;

            // Every brief has a summary: its own or one derived from the body.
            Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("meta[name=description]")?.GetAttribute("content")), page);

            var prose = ProseText(html);
            // Raw HTML (comments included) is left out or published, never printed as text.
            Assert.False(PrintedHtml().IsMatch(prose), $"{page} ({source}) shows raw HTML as text: {PrintedHtml().Match(prose).Value}");

            // Template syntax the build shows as written carries a warning, unless the author wrapped it in
            // {% raw %} to show it to readers (Jekyll's release notes do).
            foreach (Match tag in TemplateTag().Matches(prose))
            {
                if (warnedTemplates.Contains(source)) break;
                Assert.True(InsideRaw(File.ReadAllText(Path.Combine(site.InputDirectory, source)), tag.Value),
                    $"{page} ({source}) shows '{tag.Value}' with no SB060 warning");
            }
        }

        // Every old URL written in the posts redirects: a page at the old address (when it names a page) and a rule.
        Assert.Equal(oldUrls, model.Briefs.Sum(b => b.Source.Urls.Aliases.Length + b.Source.Urls.RedirectFrom.Length));
        Assert.Equal(oldUrls, model.Redirects.Length);
        Assert.Equal(duplicateKeys, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateKey));
        var rules = oldUrls > 0 ? site.ReadOutput("_redirects") : "";
        foreach (var redirect in model.Redirects)
        {
            Assert.Contains(redirect.From + " " + redirect.To + " 301\n", rules, StringComparison.Ordinal);
            if (redirect.HasPage)
                Assert.Equal("0; url=" + redirect.To, site.Html(redirect.File).QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        }
    }

    [Fact]
    public void Each_site_yml_keeps_to_ten_lines_and_says_why_broken_links_are_warnings()
    {
        foreach (var blog in new[] { "zola-rust-blog", "hugo-opentelemetry-blog", "jekyll-jekyllrb-news", "jekyll-homebrew-blog", "eleventy-11ty-blog" })
        {
            var lines = File.ReadAllLines(Path.Combine(BlogFolder(blog), "_site.yml"));
            Assert.InRange(lines.Length, 1, 10);
            // broken_links: warning only where the copy lacks what the links point at, and a comment says so.
            if (lines.Any(l => l.StartsWith("broken_links:", StringComparison.Ordinal)))
                Assert.Contains(lines, l => l.StartsWith('#') && l.Contains("copy", StringComparison.Ordinal));
        }
    }

    /// <summary>The text a reader sees in the brief's body, without code (where template syntax is meant literally).</summary>
    private static string ProseText(IDocument html)
    {
        var prose = html.QuerySelector("main .prose");
        Assert.NotNull(prose);
        foreach (var code in prose.QuerySelectorAll("pre, code").ToList()) code.Remove();
        return prose.TextContent;
    }

    /// <summary>True when the tag appears in the source between <c>{% raw %}</c> and <c>{% endraw %}</c>.</summary>
    private static bool InsideRaw(string source, string tag)
    {
        var wanted = Straight(tag);
        foreach (Match raw in RawBlock().Matches(source))
        {
            if (Straight(raw.Groups[1].Value).Contains(wanted, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static string Straight(string text) =>
        text.Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'').Replace("–", "--", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{.{0,80}?\}\}|\{%.{0,80}?%\}|\{\{|\{%", RegexOptions.Singleline)]
    private static partial Regex TemplateTag();

    [GeneratedRegex(@"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex RawBlock();

    [GeneratedRegex(@"<!--|<!–|</?(?:a|abbr|b|blockquote|br|center|details|div|em|figure|figcaption|h[1-6]|hr|i|iframe|img|kbd|li|ol|p|picture|script|section|small|source|span|strong|style|sub|summary|sup|table|td|th|tr|u|ul|video)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PrintedHtml();
}
