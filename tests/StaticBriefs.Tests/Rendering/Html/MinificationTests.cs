using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Html;

public sealed class MinificationTests
{
    private const string Body = "Intro.\n\n- first\n- second\n\n## Section\n\nMore text.";

    [Fact]
    public void Minified_build_collapses_the_body_markup_and_minifies_stylesheets()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01", Body));

        site.BuildOk(o => o with { Minify = true });

        var page = site.ReadOutput("briefs/a/index.html");
        Assert.Contains("<ul><li>first</li><li>second</li></ul>", page, StringComparison.Ordinal);
        var css = Directory.GetFiles(site.OutputPath("assets/css"), "site.*.css").Single();
        Assert.DoesNotContain('\n', File.ReadAllText(css).TrimEnd());
    }

    [Fact]
    public void No_minify_build_keeps_the_body_markup_and_stylesheets_readable()
    {
        using var site = new TestSite();
        site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-01-01", Body));

        site.BuildOk();

        var page = site.ReadOutput("briefs/a/index.html");
        Assert.Contains("<ul>\n<li>first</li>\n<li>second</li>\n</ul>", page, StringComparison.Ordinal);
        var css = Directory.GetFiles(site.OutputPath("assets/css"), "site.*.css").Single();
        Assert.Contains('\n', File.ReadAllText(css).TrimEnd());
    }
}
