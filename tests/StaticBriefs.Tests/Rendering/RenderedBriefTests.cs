using StaticBriefs.Rendering;

namespace StaticBriefs.Tests.Rendering;

/// <summary>What the brief pass keeps of a brief for the feeds.</summary>
public sealed class RenderedBriefTests
{
    [Fact]
    public void A_compact_brief_holds_its_html_as_utf8_and_gives_back_the_same_text_each_time()
    {
        var html = "<p>Anthropic hired a CFO in Zürich — “finally” 🚀</p>\n" + string.Concat(Enumerable.Repeat("<p>More words.</p>", 500));

        var compact = RenderedBrief.Compact(7, html, 1_500, linksAbsolute: true);
        var plain = new RenderedBrief(7, html, 1_500);

        Assert.Equal(html, compact.ContentHtml);
        Assert.Equal(html, compact.ContentHtml);
        Assert.True(compact.HasContent);
        Assert.True(compact.LinksAbsolute);
        Assert.Equal((7, 1_500), (compact.Id, compact.WordCount));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(html), compact.HeldBytes);
        Assert.Equal(2L * html.Length, plain.HeldBytes);
        Assert.True(compact.HeldBytes < plain.HeldBytes * 0.51);
    }
}
