using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Loading;

/// <summary>The <c>_site.yml</c> settings about URLs and links: permalinks, broken_links, external_paths.</summary>
public sealed class LinkSettingsTests
{
    private static (SiteSettings Settings, IReadOnlyList<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag();
        var settings = SiteSettingsLoader.Parse(yaml.ReplaceLineEndings("\n"), bag);
        return (settings, bag.Sorted());
    }

    [Fact]
    public void Defaults_keep_todays_urls_and_stop_on_broken_links()
    {
        var (settings, diagnostics) = Parse("title: X\n");

        Assert.Empty(diagnostics);
        Assert.Equal("/briefs/:slug/", settings.BriefPermalink.Text);
        Assert.Equal("/:sections/:slug/", settings.PagePermalink.Text);
        Assert.Equal(Severity.Error, settings.BrokenLinks);
        Assert.Empty(settings.ExternalPaths);
    }

    [Fact]
    public void Every_link_setting_is_read()
    {
        var (settings, diagnostics) = Parse("""
            permalinks:
              briefs: "/:year/:month/:day/:title/"
              pages: /p/:slug/
            broken_links: warning
            external_paths: [/docs/, /api, "/community/*"]
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("/:year/:month/:day/:title/", settings.BriefPermalink.Text);
        Assert.Equal("/p/:slug/", settings.PagePermalink.Text);
        Assert.Equal(Severity.Warning, settings.BrokenLinks);
        Assert.Equal(["/docs/", "/api/", "/community/"], settings.ExternalPaths.ToArray());
    }

    [Fact]
    public void A_bad_pattern_is_SB090_at_its_line_and_column_and_the_default_stays()
    {
        var (settings, diagnostics) = Parse("title: X\npermalinks:\n  briefs: /:year/:sluggish/\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.BadPermalink, "_site.yml", 3, 11), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("':sluggish' is not a permalink token", error.Message, StringComparison.Ordinal);
        Assert.Same(PermalinkPattern.DefaultBriefs, settings.BriefPermalink);
    }

    [Fact]
    public void Unknown_pattern_kinds_warn_with_a_suggestion()
    {
        var (_, diagnostics) = Parse("permalinks:\n  brief: /:slug/\n  posts: /:slug/\n");

        Assert.Equal([(2, "did you mean 'briefs'?"), (3, "patterns are given for 'briefs' and 'pages'")],
            diagnostics.Select(d => (d.Line, d.Message.Contains("did you mean", StringComparison.Ordinal) ? "did you mean 'briefs'?" : "patterns are given for 'briefs' and 'pages'")));
        Assert.All(diagnostics, d => Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownKey), (d.Severity, d.Code)));
    }

    [Theory]
    [InlineData("broken_links: sometimes", 1, 15, "'broken_links: sometimes' must be 'error'")]
    [InlineData("external_paths: [docs/]", 1, 18, "must be a path of this site starting with '/'")]
    [InlineData("external_paths: [\"https://example.org/docs/\"]", 1, 18, "starting with '/'")]
    [InlineData("permalinks: /:slug/", 1, 13, "'permalinks' must be a section")]
    [InlineData("permalinks:\n  briefs: [a, b]", 2, 11, "must be one pattern")]
    public void Bad_values_are_errors_at_their_place(string yaml, int line, int column, string message)
    {
        var error = Assert.Single(Parse(yaml).Diagnostics);

        Assert.Equal((Severity.Error, line, column), (error.Severity, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
