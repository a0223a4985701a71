using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// The built-in card and base layout written in C# stand in for <c>partials/card.sbn</c> with <c>partials/tags.sbn</c>
/// and for <c>base.sbn</c> (and the brief and term layouts) only while the site has those very files, and write what the templates write: a whole site
/// built both ways is the same bytes.
/// </summary>
public sealed class BuiltInTemplatesTests : IDisposable
{
    private const string CardPath = "layouts/partials/card.sbn";
    private const string BasePath = "layouts/base.sbn";
    private const string BriefPath = "layouts/brief.sbn";
    private const string RelationsPath = "layouts/partials/relations-brief.sbn";
    private readonly TestSite _site = TestSite.CopyOf(RepoPaths.SampleInput);

    public BuiltInTemplatesTests()
    {
        // Values that need escaping in every field a card shows, an image, and cards with one kind of chip or none.
        _site.Write("briefs/hostile.md", TestSite.Brief(
            "title: \"<script>alert('x')</script> & \\\"quotes\\\"\"\ndate: 2025-03-04\nsummary: \"Tom & Jerry's <b>deal</b>\"\n" +
            "image: /img/a&b.png\ncompanies: [\"AT&T <Labs>\", \"O'Reilly\"]\npeople: [\"Zoë \\\"Z\\\" Ünal\"]\ntopics: [\"R&D\"]"));
        _site.Write("img/a&b.png", "not read: only its existence is checked");
        // Every part of a brief's page: updated, author, lede, relations (linked, plain words, with a role), image
        // with its text, contents (three sections; long enough for phones), chips, sources.
        var sections = string.Join("\n\n", Enumerable.Range(1, 3).Select(i => $"## Part {i} & <more>\n\n" + string.Join(' ', Enumerable.Repeat("word", 400))));
        _site.Write("briefs/full.md", TestSite.Brief(
            "title: Ada & Co release \"Engine\"\ndate: 2025-03-08\nupdated: 2025-03-09\nauthor: \"Lu <Editor>\"\nsummary: Written, not derived.\n" +
            "image: /img/a&b.png\nimage_alt: \"A <chart> & more\"\ncompanies: [\"AT&T <Labs>\"]\npeople: [Ada Byron]\n" +
            "relations:\n  - {subject: Ada Byron, verb: joins, object: \"AT&T <Labs>\", role: \"chief <engineer>\"}\n" +
            "  - {subject: \"AT&T <Labs>\", verb: releases, object: \"Engine 2 & more\"}\n" +
            "sources:\n  - https://example.org/news/ada-joins-labs-172443626\n  - https://github.com/owner/repo/blob/main/a.md\n  - \"https://x.example/?q=<&>\"",
            sections));
        _site.Write("briefs/toc-only.md", TestSite.Brief("title: Contents, no chips\ndate: 2025-03-09",
            string.Join("\n\n", Enumerable.Range(1, 3).Select(i => $"## Short {i}\n\nText."))));
        _site.Write("briefs/bare.md", TestSite.Brief("title: Nothing tagged\ndate: 2025-03-05"));
        _site.Write("briefs/people-only.md", TestSite.Brief("title: Only people\ndate: 2025-03-06\npeople: [\"Zoë \\\"Z\\\" Ünal\"]"));
        _site.Write("briefs/topics-only.md", TestSite.Brief("title: Only topics\ndate: 2025-03-07\nsummary: Short.\ntopics: [\"R&D\"]"));
    }

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData(CardPath)]
    [InlineData(BasePath)]
    [InlineData(BriefPath)]
    [InlineData(RelationsPath)]
    [InlineData("layouts/term.sbn")]
    [InlineData("layouts/partials/sections.sbn")]
    public void A_site_built_with_the_template_in_CSharp_equals_the_same_site_built_through_the_template(string template)
    {
        _site.BuildOk();
        var inCSharp = _site.OutputHash();
        var hostileTitle = _site.Html("companies/at-t-labs/index.html").QuerySelectorAll("article.card .card-title a").Select(a => a.TextContent);
        Assert.Contains("<script>alert('x')</script> & \"quotes\"", hostileTitle);
        Assert.StartsWith("<script>alert('x')</script> & \"quotes\" · ", _site.Html("briefs/hostile/index.html").Title, StringComparison.Ordinal);
        var full = _site.Html("briefs/full/index.html");
        Assert.Equal(3, full.QuerySelectorAll("nav.toc li").Length);
        Assert.Equal(2, full.QuerySelectorAll(".relations-brief li").Length);
        Assert.Equal(3, full.QuerySelectorAll(".sources li").Length);
        Assert.NotNull(full.QuerySelector(".meta time + time, .meta time ~ time"));
        // Entity pages with every part the sample has: affiliations, chart, career, flows, other relations, co-mentions.
        var karpathy = _site.Html("people/andrej-karpathy/index.html");
        Assert.NotNull(karpathy.QuerySelector(".affiliations dt + dd a"));
        Assert.NotNull(karpathy.QuerySelector("ol.career-line li"));
        Assert.NotNull(karpathy.QuerySelector("figure.activity svg"));
        Assert.NotNull(_site.Html("companies/openai/index.html").QuerySelector(".flows #arrivals-title"));
        Assert.NotNull(_site.Html("companies/openai/index.html").QuerySelector("table.net-flow tbody tr"));

        // The same template with one more line of tags only (which writes nothing): no longer the built-in file.
        _site.UseBuiltInTemplateAsOwn(template);
        _site.BuildOk();

        Assert.Equal(inCSharp, _site.OutputHash());
    }

    [Fact]
    public void The_card_in_CSharp_serves_only_the_built_in_card_and_tags_files()
    {
        var theme = Path.Combine(_site.Root, "theme");
        var overrides = Path.Combine(_site.InputDirectory, "_theme");
        var diagnostics = new StaticBriefs.Diagnostics.DiagnosticBag();

        Assert.True(BuiltInCard.Serves(new ThemeFiles(EmbeddedThemeSource.Instance)));
        Assert.True(BuiltInBase.Serves(new ThemeFiles(EmbeddedThemeSource.Instance)));
        Assert.True(BuiltInBase.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));
        Assert.True(BuiltInCard.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));

        _site.Write("_theme/layouts/partials/tags.sbn", File.ReadAllText(Path.Combine(RepoPaths.Theme, "layouts/partials/tags.sbn")) + " ");
        Assert.False(BuiltInCard.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, diagnostics)));

        Directory.CreateDirectory(Path.Combine(theme, "layouts", "partials"));
        File.WriteAllText(Path.Combine(theme, CardPath), "<p>{{ card.title }}</p>\n");
        Assert.False(BuiltInCard.Serves(ThemeFiles.ForSite(theme, Path.Combine(_site.Root, "no-overrides"), diagnostics)));
    }

    [Fact]
    public void The_base_layout_in_CSharp_serves_only_the_built_in_file()
    {
        var overrides = Path.Combine(_site.InputDirectory, "_theme");
        _site.Write("_theme/" + BasePath, "<!doctype html><title>own</title>{{ content }}\n");

        Assert.False(BuiltInBase.Serves(ThemeFiles.ForSite(RepoPaths.Theme, overrides, new StaticBriefs.Diagnostics.DiagnosticBag())));
        _site.BuildOk();
        Assert.StartsWith("<!doctype html><title>own</title>", _site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_overridden_card_is_what_the_listings_show()
    {
        _site.Write("_theme/" + CardPath, "<p class=\"own-card\">{{ card.title }}</p>\n");

        _site.BuildOk();

        var cards = _site.Html("index.html").QuerySelectorAll("p.own-card");
        Assert.NotEmpty(cards);
        Assert.Empty(_site.Html("index.html").QuerySelectorAll("article.card"));
    }
}
