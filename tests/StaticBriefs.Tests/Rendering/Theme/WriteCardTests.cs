using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// Home and entity pages written in C# take their cards through <see cref="TemplateRunner.WriteCard"/>: the built-in
/// card is written into the page and kept for no one (a card of its own for each would be most of what a cached
/// build after an add allocates), a card <c>card_html</c> already keeps is copied, and a site's own card template is
/// still run and kept.
/// </summary>
public sealed class WriteCardTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private static readonly BriefCard Card = new()
    {
        Title = "Ada & Co <joins>",
        Url = "/sub/briefs/ada/",
        DateIso = "2025-03-04",
        DateText = "4 March 2025",
        Summary = "Tom & Jerry's \"deal\"",
        Image = "/sub/img/a&b.png",
        Companies = [new LinkView("AT&T <Labs>", "/sub/companies/at-t-labs/")],
        People = [new LinkView("Zoë", "/sub/people/zoe/")],
        Topics = [new LinkView("R&D", "/sub/topics/r-d/")],
    };

    private TemplateRunner Runner(ThemeFiles files) =>
        new(LayoutSet.Load(files, new DiagnosticBag()) ?? throw new InvalidOperationException("the theme did not load"));

    [Fact]
    public void The_built_in_card_is_written_into_the_page_as_card_html_writes_it_and_kept_for_no_one()
    {
        using var runner = Runner(new ThemeFiles(EmbeddedThemeSource.Instance));
        var page = new StringBuilder("<main>");

        runner.WriteCard(page, Card, 4);
        runner.WriteCard(page, Card with { Transient = true }, 3);

        Assert.Equal("<main>" + BuiltInCard.Render(Card, 4) + BuiltInCard.Render(Card, 3), page.ToString());
        Assert.Contains("<h4 class=\"card-title\"><a href=\"/sub/briefs/ada/\">Ada &amp; Co &lt;joins&gt;</a></h4>", page.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, runner.CardsKept);
    }

    [Fact]
    public void A_card_card_html_keeps_is_copied_from_what_it_kept()
    {
        using var runner = Runner(new ThemeFiles(EmbeddedThemeSource.Instance));
        var kept = runner.CardHtml(Card, 4).Value;
        var page = new StringBuilder();

        runner.WriteCard(page, Card, 4);

        Assert.Equal(kept, page.ToString());
        Assert.Equal(1, runner.CardsKept);
    }

    [Fact]
    public void A_site_card_template_is_run_through_card_html_and_kept()
    {
        _site.Write("_theme/layouts/partials/card.sbn", "<article class=\"mine\">{{ card.title }}</article>\n");
        var files = ThemeFiles.ForSite(RepoPaths.Theme, Path.Combine(_site.InputDirectory, "_theme"), new DiagnosticBag());
        using var runner = Runner(files);
        var page = new StringBuilder();

        runner.WriteCard(page, Card, 4);
        runner.WriteCard(page, Card, 4);

        Assert.Equal("<article class=\"mine\">Ada &amp; Co &lt;joins&gt;</article>\n<article class=\"mine\">Ada &amp; Co &lt;joins&gt;</article>\n", page.ToString());
        Assert.Equal(1, runner.CardsKept);
    }
}
