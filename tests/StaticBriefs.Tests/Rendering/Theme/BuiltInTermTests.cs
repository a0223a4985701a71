using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// The term layout in C# against the template on what the sample site lacks: counts in the thousands, a pager with
/// gaps, capped moves, entity names that need escaping.
/// </summary>
public sealed class BuiltInTermTests : IDisposable
{
    private readonly TestSite _site = new();

    public BuiltInTermTests()
    {
        _site.Write("_site.yml", "title: Moves\nbase_url: https://example.org/sub/\npage_size: 10\nsocial_images: false\n");
        for (var i = 0; i < 1050; i++)
        {
            var date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var move = i < 30 ? $"\nrelations:\n  - {{subject: \"Pat <{i}>\", verb: joins, object: \"Acme & Co\", role: \"R&D <lead>\"}}" : "";
            _site.Write($"briefs/move-{i}.md", TestSite.Brief(
                $"title: \"Move {i} & <more>\"\ndate: {date}\ncompanies: [\"Acme & Co\"]\npeople: [\"Pat <{i % 40}>\"]\ntopics: [\"R&D\"]{move}"));
        }
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Term_pages_in_the_thousands_with_a_long_pager_and_capped_moves_are_the_same_written_in_CSharp()
    {
        _site.BuildOk();
        var inCSharp = _site.OutputHash();
        var acme = _site.Html("companies/acme-co/index.html");
        Assert.Contains("1,050 briefs", acme.QuerySelector(".term-header .meta")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(acme.QuerySelector(".pager li.gap"));
        Assert.Contains("(latest 25 of 30)", acme.QuerySelector("#arrivals-title")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Only the latest are listed", acme.QuerySelector(".relations-term p.meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("page 50 of 105", _site.Html("companies/acme-co/page/50/index.html").QuerySelector("#timeline-title")!.TextContent,
            StringComparison.Ordinal);

        _site.UseBuiltInTemplateAsOwn("layouts/term.sbn");
        _site.BuildOk();

        Assert.Equal(inCSharp, _site.OutputHash());
    }

    [Fact]
    public void The_term_layout_in_CSharp_serves_only_the_built_in_files()
    {
        var overrides = Path.Combine(_site.InputDirectory, "_theme");
        var diagnostics = new StaticBriefs.Diagnostics.DiagnosticBag();
        Assert.True(BuiltInTerm.Serves(new ThemeFiles(EmbeddedThemeSource.Instance)));
        Assert.True(BuiltInTerm.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));

        _site.Write("_theme/layouts/partials/pager.sbn", File.ReadAllText(Path.Combine(RepoPaths.Theme, "layouts/partials/pager.sbn")) + " ");

        Assert.False(BuiltInTerm.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));
    }
}
