using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Tests.Rendering;

/// <summary>
/// A page made by the built-in layouts reaches the output as the thread's page builder, never as a page-sized string,
/// and is written and keyed exactly as its text would be.
/// </summary>
public sealed class PageHtmlTests
{
    private static readonly BriefCard Card = new()
    {
        Title = "Ada & Co joins",
        Url = "/briefs/ada/",
        DateIso = "2025-03-04",
        DateText = "4 March 2025",
        Summary = "A summary",
        Companies = [new LinkView("AT&T", "/companies/at-t/")],
    };

    private static readonly SiteView Site = new()
    {
        Title = "Desk", Description = "Briefs", Language = "en", BaseUrl = "https://example.org/", BasePath = "/",
        Nav = [], Taxonomies = [], Styles = [], Scripts = [],
    };

    /// <summary>Records which of the two text writes each file came through.</summary>
    private sealed class RecordingSink : IOutputSink
    {
        public Dictionary<string, string> FromText { get; } = [];
        public Dictionary<string, string> FromBuilder { get; } = [];

        public void WriteText(string relativePath, string content) => FromText[relativePath] = content;

        public void WriteText(string relativePath, StringBuilder content) => FromBuilder[relativePath] = content.ToString();

        public void WriteBytes(string relativePath, ReadOnlySpan<byte> content) => throw new InvalidOperationException("pages are text");
    }

    private static Scriban.Runtime.ScriptObject BriefGlobals(string body) => PageGlobals.Create(Site,
        new PageView { Kind = "brief", Title = "Ada & Co joins", Url = "/briefs/ada/", Permalink = "https://example.org/briefs/ada/" }, "brief",
        new BriefView { Card = Card, Content = new TrustedHtml(body), Toc = [], Sources = [], Related = [], Extra = new Dictionary<string, object?>() });

    [Fact]
    public void A_brief_page_of_the_built_in_layouts_is_written_from_the_builder_as_its_text_reads()
    {
        using var runner = new TemplateRunner(LayoutSet.Load(new ThemeFiles(EmbeddedThemeSource.Instance), new DiagnosticBag())!);
        var sink = new RecordingSink();
        var body = "<p>" + new string('x', 200_000) + "</p>";

        PageWriter.Write(runner, sink, "briefs/ada/index.html", "brief", BriefGlobals(body), "/briefs/ada/", new DiagnosticBag());

        Assert.Empty(sink.FromText);
        var page = Assert.Single(sink.FromBuilder).Value;
        Assert.Contains(body, page, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        // The same page as text, through the string path the built-in brief layout keeps for a site's own base layout.
        Assert.Equal(BuiltInBase.Write(new StringBuilder(), Site, new PageView { Kind = "brief", Title = "Ada & Co joins", Url = "/briefs/ada/", Permalink = "https://example.org/briefs/ada/" },
            BuiltInBrief.Render((BriefView)BriefGlobals(body)["brief"]!)).ToString(), page);
    }

    [Fact]
    public void A_page_builder_hashes_as_its_text()
    {
        var text = string.Concat(Enumerable.Range(0, 500).Select(i => $"<p>{i} é 😀</p>"));
        var built = new StringBuilder(16);
        foreach (var piece in text.Chunk(7)) built.Append(piece);

        var chunks = 0;
        foreach (var _ in built.GetChunks()) chunks++;
        Assert.True(chunks > 1);
        Assert.Equal(ContentHash.Of("html", text), ContentHash.Of("html", built));
        Assert.Equal(PageMemoSink.BytesOfPage(text), new PageHtml(built).Hash());
    }
}
