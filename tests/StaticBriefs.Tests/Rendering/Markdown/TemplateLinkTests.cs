using StaticBriefs.Diagnostics;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>
/// Link targets written with template syntax (Jekyll's post_url, link, site.baseurl; Hugo's ref and relref) resolve
/// through the source files to today's URLs, are checked like any link, and work under a sub-path.
/// </summary>
public sealed class TemplateLinkTests
{
    private static string Href(string markdown, string basePath = "/site/", string path = "briefs/2025/x.md")
    {
        var (result, diagnostics) = BodyRender.Render(markdown, basePath, path);
        Assert.True(diagnostics.Count == 0, string.Join('\n', diagnostics));
        var element = BodyRender.Dom(result.Html).QuerySelector("a, img")!;
        return element.GetAttribute(element.LocalName == "img" ? "src" : "href")!;
    }

    [Theory]
    [InlineData("[post]({% post_url 2010-07-21-launch %})", "/site/briefs/launch/")]
    [InlineData("[post]({% post_url 2011-01-02-followup %})", "/site/briefs/followup/")]
    [InlineData("[post]({% post_url /2011/2011-01-02-followup %})", "/site/briefs/followup/")]
    [InlineData("[post]({{ site.baseurl }}{% post_url 2010-07-21-launch %})", "/site/briefs/launch/")]
    [InlineData("[about]({% link about.md %})", "/site/about/")]
    [InlineData("[report]({% link files/report.pdf %})", "/site/files/report.pdf")]
    [InlineData("[home]({{ site.baseurl }})", "/site/")]
    [InlineData("[about]({{ site.baseurl }}/about/)", "/site/about/")]
    [InlineData("[about]({{ site.url }}{{ site.baseurl }}/about/#team)", "/site/about/#team")]
    [InlineData("![chart]({{ site.baseurl }}/img/chart.png)", "/site/img/chart.png")]
    [InlineData("![chart]({{ \"/img/chart.png\" | relative_url }})", "/site/img/chart.png")]
    [InlineData("[intro]({{< ref \"content/posts/intro/index.md\" >}})", "/site/briefs/intro/")]
    [InlineData("[intro]({{< ref \"/posts/intro\" >}})", "/site/briefs/intro/")]
    [InlineData("[intro]({{< relref \"intro\" >}})", "/site/briefs/intro/")]
    [InlineData("[intro]({{< relref \"intro#usage\" >}})", "/site/briefs/intro/#usage")]
    [InlineData("[about]({{% ref \"about.md\" %}})", "/site/about/")]
    [InlineData("[section]({{< ref \"#usage\" >}})", "#usage")]
    public void Template_link_targets_resolve_to_the_published_url(string markdown, string expected)
    {
        Assert.Equal(expected, Href(markdown + "\n"));
    }

    [Fact]
    public void A_ref_relative_to_the_file_wins_over_a_file_of_the_same_name_elsewhere()
    {
        Assert.Equal("/site/briefs/setup-2025/", Href("[s]({{< ref \"setup.md\" >}})\n"));
        Assert.Equal("/site/briefs/setup/", Href("[s]({{< ref \"setup\" >}})\n", path: "content/posts/other.md"));
    }

    [Fact]
    public void The_link_text_keeps_its_markdown_and_nested_brackets()
    {
        var (result, _) = BodyRender.Render("Read [the **launch** [post] note]({% post_url 2010-07-21-launch %}) today.\n");

        Assert.Equal("<p>Read <a href=\"/briefs/launch/\">the <strong>launch</strong> [post] note</a> today.</p>\n", result.Html);
    }

    [Fact]
    public void Several_template_links_in_one_paragraph_all_resolve()
    {
        var (result, diagnostics) = BodyRender.Render(
            "See [a]({% post_url 2010-07-21-launch %}), ![b]({{ site.baseurl }}/img/chart.png) and\n[c]({{< relref \"intro\" >}}).\n");

        Assert.Empty(diagnostics);
        Assert.Equal(
            "<p>See <a href=\"/briefs/launch/\">a</a>, <img src=\"/img/chart.png\" alt=\"b\" /> and\n<a href=\"/briefs/intro/\">c</a>.</p>\n",
            result.Html);
    }

    [Fact]
    public void A_post_url_naming_no_post_is_a_broken_link_at_the_links_position()
    {
        var (_, diagnostics) = BodyRender.Render("Intro.\n\nSee [it]({% post_url 2019-01-01-gone %}).\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal(("12:10 error SB006", "'{% post_url 2019-01-01-gone %}' names no post: no file 2019-01-01-gone.md in the input; fix the name (it is the file name without .md)"),
            (BodyRender.Where(error), error.Message));
    }

    [Fact]
    public void A_ref_to_no_page_is_a_broken_link()
    {
        var (_, diagnostics) = BodyRender.Render("[x]({{< ref \"nowhere/page.md\" >}})\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.BrokenLink), (error.Severity, error.Code));
        Assert.Equal("'{{< ref \"nowhere/page.md\" >}}' points at no page: no nowhere/page.md beside this file, under the input folder or by that name; fix the path",
            error.Message);
    }

    [Fact]
    public void A_name_two_files_share_asks_for_the_path()
    {
        var (_, diagnostics) = BodyRender.Render("[x]({{< ref \"setup\" >}})\n", path: "elsewhere/page.md");

        Assert.Equal("'{{< ref \"setup\" >}}' could mean any of briefs/2025/setup.md, content/posts/setup.md; write the path instead ({{< ref \"<path>\" >}})",
            Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_link_to_an_unpublished_draft_is_reported_by_the_link_checker_naming_the_target_as_written()
    {
        var (_, diagnostics) = BodyRender.Render("[d]({% link briefs/2024/draft.md %})\n");

        Assert.Equal("link '{% link briefs/2024/draft.md %}' points at /briefs/draft/, which is the draft briefs/2024/draft.md (drafts are published only with --drafts, or once 'draft: false')",
            Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_baseurl_link_to_a_missing_page_is_a_broken_link()
    {
        var (_, diagnostics) = BodyRender.Render("[x]({{ site.baseurl }}/nowhere/)\n");

        Assert.Equal("link '{{ site.baseurl }}/nowhere/' points at /nowhere/, which does not exist; fix the path (or, when another site serves it, list its folder under external_paths in _site.yml)",
            Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void A_post_url_without_a_name_is_a_shortcode_problem()
    {
        var (_, diagnostics) = BodyRender.Render("[x]({% post_url %})\n");

        Assert.Equal(("10:5 warning SB061", "'{% post_url %}' needs a post's file name, as in {% post_url 2024-05-01-launch %}; the link is left out"),
            (BodyRender.Where(Assert.Single(diagnostics)), Assert.Single(diagnostics).Message));
    }

    [Fact]
    public void A_link_target_with_other_template_syntax_is_left_as_text_with_a_warning()
    {
        var (result, diagnostics) = BodyRender.Render("[x]({{ page.url }})\n");

        Assert.Equal("<p>[x]({{ page.url }})</p>\n", result.Html);
        Assert.Equal(DiagnosticCodes.TemplateSyntax, Assert.Single(diagnostics).Code);
    }
}
