using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// Which <c>site</c> members a theme can read, from its templates' syntax: only <c>site.year</c> written out is told
/// apart from the rest, and every use that could reach the year another way counts as reading it.
/// </summary>
public sealed class ThemeReadsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("<footer>{{ site.title }} · {{ page.year }}</footer>", false)]
    [InlineData("{{ for link in site.nav }}{{ link.url }}{{ end }}", false)]
    // A member named site is not the site object.
    [InlineData("{{ source.site }} {{ page.site.year }}", false)]
    [InlineData("<footer>© {{ site.year }}</footer>", true)]
    [InlineData("{{ if page.kind == \"home\" }}{{ func copy }}{{ ret site.year }}{{ end }}{{ copy }}{{ end }}", true)]
    [InlineData("{{ site[\"year\"] }}", true)]
    [InlineData("{{ s = site }}{{ s.year }}", true)]
    [InlineData("{{ with site }}{{ year }}{{ end }}", true)]
    [InlineData("{{ this.site.year }}", true)]
    [InlineData("{{ this[\"site\"] }}", true)]
    [InlineData("{{ site.year | string.size }}", true)]
    // Text run as a template can read anything.
    [InlineData("{{ \"{{ site.\" + \"year }}\" | object.eval_template }}", true)]
    [InlineData("{{ object.eval \"1 + 1\" }}", true)]
    // A template that does not parse is read as reading everything.
    [InlineData("{{ site. }}", true)]
    public void A_template_reads_the_year_only_where_it_could(string template, bool reads) =>
        Assert.Equal(reads, ThemeReads.SiteMember(template, "year"));

    [Fact]
    public void The_built_in_theme_does_not_read_the_year_and_an_override_that_prints_it_does()
    {
        var overrides = Path.Combine(_site.InputDirectory, "_theme");
        var diagnostics = new StaticBriefs.Diagnostics.DiagnosticBag();
        Assert.False(ThemeReads.SiteMember(new ThemeFiles(EmbeddedThemeSource.Instance), "year"));
        Assert.False(ThemeReads.SiteMember(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics), "year"));
        Assert.True(ThemeReads.SiteMember(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics), "title"));

        // A partial counts wherever it sits under layouts/: a layout may include it by a computed name.
        _site.Write("_theme/layouts/partials/copyright.sbn", "<p>© {{ site.year }} {{ site.title }}</p>");

        Assert.True(ThemeReads.SiteMember(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics), "year"));
    }
}
