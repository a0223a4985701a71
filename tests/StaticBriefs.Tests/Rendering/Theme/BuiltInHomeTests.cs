using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// The home layout in C# against the template: a lead with an image, an author and a summary, values that need
/// escaping, a pager with gaps, a site with and without a description, and a site with no briefs.
/// </summary>
public sealed class BuiltInHomeTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Home_pages_with_a_lead_escaped_values_and_a_long_pager_are_the_same_written_in_CSharp()
    {
        _site.Write("_site.yml", "title: \"Moves & <Deals>\"\ndescription: \"Who moved & why <now>\"\nbase_url: https://example.org/sub/\npage_size: 5\nsocial_images: false\n");
        _site.Write("assets/lead.png", "not really a picture");
        for (var i = 0; i < 120; i++)
        {
            var date = new DateOnly(2021, 1, 1).AddDays(i * 3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var extra = i == 119 ? "\nimage: /assets/lead.png\nauthor: \"Ann & <Bo>\"\nsummary: \"Why it matters & <what> next\"" : i % 2 == 0 ? "\nsummary: \"A \\\"short\\\" summary\"" : "";
            _site.Write($"briefs/move-{i}.md", TestSite.Brief(
                $"title: \"Move {i} & <more>\"\ndate: {date}{extra}\ncompanies: [\"Acme & Co\"]\npeople: [\"Pat <{i % 7}>\"]\ntopics: [\"R&D\"]"));
        }
        var inCSharp = BuildAndHash();
        var home = _site.Html("index.html");
        Assert.Equal("Ann & <Bo>", home.QuerySelector(".lead .meta")!.TextContent.Split(" · ")[1]);
        Assert.Equal("Who moved & why <now>", home.QuerySelector(".about-site p:not(.about-title):not(.about-links)")!.TextContent);
        Assert.NotNull(home.QuerySelector(".lead-image"));
        Assert.NotNull(home.QuerySelector(".pager li.gap"));
        Assert.Equal("Briefs, page 12 of 24", _site.Html("page/12/index.html").QuerySelector("h1.page-title")!.TextContent);

        UseTheTemplate();
        Assert.Equal(inCSharp, BuildAndHash());
    }

    [Fact]
    public void Home_pages_of_a_site_without_a_description_or_without_briefs_are_the_same_written_in_CSharp()
    {
        _site.Write("_site.yml", "title: Plain\nsocial_images: false\n");
        _site.Write("briefs/only.md", TestSite.Brief("title: Only one\ndate: 2024-03-01"));
        var oneBrief = BuildAndHash();
        Assert.Null(_site.Html("index.html").QuerySelector(".about-site"));
        File.Delete(Path.Combine(_site.InputDirectory, "briefs/only.md"));
        var noBriefs = BuildAndHash();
        Assert.Contains("No briefs yet", _site.Html("index.html").QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        UseTheTemplate();
        Assert.Equal(noBriefs, BuildAndHash());
        _site.Write("briefs/only.md", TestSite.Brief("title: Only one\ndate: 2024-03-01"));
        Assert.Equal(oneBrief, BuildAndHash());
    }

    [Fact]
    public void The_home_layout_in_CSharp_serves_only_the_built_in_files()
    {
        var overrides = Path.Combine(_site.InputDirectory, "_theme");
        var diagnostics = new StaticBriefs.Diagnostics.DiagnosticBag();
        Assert.True(BuiltInHome.Serves(new ThemeFiles(EmbeddedThemeSource.Instance)));
        Assert.True(BuiltInHome.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));

        _site.Write("_theme/layouts/partials/legend.sbn", File.ReadAllText(Path.Combine(RepoPaths.Theme, "layouts/partials/legend.sbn")) + " ");

        Assert.False(BuiltInHome.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));
    }

    private string BuildAndHash()
    {
        _site.BuildOk(o => o with { CleanOutput = true });
        return _site.OutputHash();
    }

    /// <summary>The built-in home layout as a file of the site's own: read by the interpreter, the same bytes.</summary>
    private void UseTheTemplate() => _site.UseBuiltInTemplateAsOwn("layouts/home.sbn");
}
