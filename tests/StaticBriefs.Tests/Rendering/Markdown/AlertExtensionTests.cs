namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>GitHub alert blocks as accessible callouts.</summary>
public sealed class AlertExtensionTests
{
    [Theory]
    [InlineData("NOTE", "Note")]
    [InlineData("TIP", "Tip")]
    [InlineData("IMPORTANT", "Important")]
    [InlineData("WARNING", "Warning")]
    [InlineData("CAUTION", "Caution")]
    [InlineData("note", "Note")]
    public void Each_alert_kind_is_a_note_with_a_visible_title_naming_it(string kind, string title)
    {
        var (result, diagnostics) = BodyRender.Render($"> [!{kind}]\n> Back up **first**.\n");

        Assert.Empty(diagnostics);
        Assert.Equal(
            $"<div class=\"markdown-alert markdown-alert-{kind.ToLowerInvariant()}\" role=\"note\">\n<p class=\"markdown-alert-title\">{title}</p>\n<p>Back up <strong>first</strong>.</p>\n</div>\n",
            result.Html);
    }

    [Fact]
    public void An_alert_holds_any_markdown_and_its_links_are_checked_and_rewritten()
    {
        var (result, diagnostics) = BodyRender.Render("> [!TIP]\n> See [about](/about/).\n>\n> - one\n> - two\n", basePath: "/site/");
        var dom = BodyRender.Dom(result.Html);

        Assert.Empty(diagnostics);
        var alert = dom.QuerySelector("div.markdown-alert-tip[role=note]")!;
        Assert.Equal("/site/about/", alert.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, alert.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void Alert_text_is_searchable_and_the_title_is_not_added_to_it()
    {
        var (result, _) = BodyRender.Render("> [!WARNING]\n> Rotate the keys.\n");

        Assert.Equal("Rotate the keys.", result.PlainText);
    }

    [Fact]
    public void An_unknown_kind_stays_a_quote_showing_its_marker()
    {
        var (result, _) = BodyRender.Render("> [!FOO]\n> Text.\n");

        Assert.Equal("<blockquote>\n<p>[!FOO]</p>\n<p>Text.</p>\n</blockquote>\n", result.Html);
    }

    [Theory]
    [InlineData("> Just a quote.\n")]
    [InlineData("> Text first\n> [!NOTE]\n")]
    [InlineData("- > [!NOTE]\n  > nested in a list\n")]
    public void Quotes_that_are_not_alerts_stay_quotes(string markdown)
    {
        var dom = BodyRender.Dom(BodyRender.Render(markdown).Result.Html);

        Assert.Null(dom.QuerySelector(".markdown-alert"));
        Assert.NotNull(dom.QuerySelector("blockquote"));
    }
}
