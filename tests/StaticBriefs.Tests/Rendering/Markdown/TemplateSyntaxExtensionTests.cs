using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown.EntityLinks;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Template syntax left in a body: shown as written, reported with a position and what to do, never in code.</summary>
public sealed class TemplateSyntaxExtensionTests
{
    [Fact]
    public void Each_kind_of_template_syntax_is_shown_as_written_and_reported_at_its_line_and_column()
    {
        var (result, diagnostics) = BodyRender.Render(
            "Intro {% include toc.html %} and\n{{ page.title }} then {{< tweet 123 >}}.\n\n{# note to self #} {{% notice tip %}}\n");

        Assert.Equal(
            "<p>Intro {% include toc.html %} and\n{{ page.title }} then {{&lt; tweet 123 &gt;}}.</p>\n<p>{# note to self #} {{% notice tip %}}</p>\n",
            result.Html);
        Assert.Equal(
            [
                "10:7 warning SB060: template tag '{% include toc.html %}' (Liquid/Nunjucks 'include') is not run by StaticBriefs and is shown as written; replace it with markdown, or put it in backticks if it is an example",
                "11:1 warning SB060: template variable '{{ page.title }}' is not filled in by StaticBriefs and is shown as written; write its value instead, or put it in backticks if it is an example",
                "11:23 warning SB060: Hugo shortcode '{{< tweet 123 >}}' has no StaticBriefs equivalent and is shown as written; replace it with markdown (built in: figure, youtube, highlight, ref, relref)",
                "13:1 warning SB060: template comment '{# note to self #}' is shown as written; delete it, or turn it into an HTML comment",
                "13:20 warning SB060: Hugo shortcode '{{% notice tip %}}' has no StaticBriefs equivalent and is shown as written; replace it with markdown (built in: figure, youtube, highlight, ref, relref)",
            ],
            diagnostics.Select(d => $"{BodyRender.Where(d)}: {d.Message}"));
        Assert.All(diagnostics, d => Assert.Equal("briefs/2025/x.md", d.File));
    }

    [Fact]
    public void A_file_with_many_tags_gets_the_first_five_with_positions_and_one_warning_for_the_rest()
    {
        var body = string.Concat(Enumerable.Range(1, 9).Select(i => $"Line {i} {{% include part{i}.html %}}\n\n"));

        var (_, diagnostics) = BodyRender.Render(body);

        Assert.Equal(6, diagnostics.Count);
        Assert.Equal(["10:8", "12:8", "14:8", "16:8", "18:8", "20:8"], diagnostics.Select(d => $"{d.Line}:{d.Column}"));
        Assert.All(diagnostics, d => Assert.Equal((Severity.Warning, DiagnosticCodes.TemplateSyntax), (d.Severity, d.Code)));
        Assert.Equal("... and 4 more template tags in this file (lines 20, 22, 24, 26), each shown as written", diagnostics[5].Message);
    }

    [Fact]
    public void Six_tags_are_all_reported_one_by_one_rather_than_summing_up_one()
    {
        var body = string.Concat(Enumerable.Range(1, 6).Select(i => $"{{{{ page.v{i} }}}}\n\n"));

        var (_, diagnostics) = BodyRender.Render(body);

        Assert.Equal(6, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.StartsWith("template variable", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Liquid_raw_sections_show_their_text_without_the_raw_tags_and_without_warnings()
    {
        var (result, diagnostics) = BodyRender.Render(
            "Use {% raw %}{{ page.name }} and {% link x.md %}{% endraw %} in layouts.\n\n{% raw %}\n```liquid\n{{ page.title }}\n```\n\nAlso {{ site.x }}.\n{% endraw %}\n\nAfter {{ page.y }}.\n");

        Assert.Equal(
            "<p>Use {{ page.name }} and {% link x.md %} in layouts.</p>\n<pre><code class=\"language-liquid\">{{ page.title }}\n</code></pre>\n<p>Also {{ site.x }}.</p>\n<p>After {{ page.y }}.</p>\n",
            result.Html);
        Assert.Equal(["20:7"], diagnostics.Select(d => $"{d.Line}:{d.Column}"));
    }

    [Fact]
    public void Liquid_raw_tags_are_taken_out_of_code_blocks_and_code_spans()
    {
        var (result, diagnostics) = BodyRender.Render("```\n{% raw %}\n{% for x in y %}{{ x }}{% endfor %}\n{% endraw %}\n```\n\nSpan `{% raw %}{{ x }}{% endraw %}` here.\n");

        Assert.Empty(diagnostics);
        Assert.Equal("<pre><code>{% for x in y %}{{ x }}{% endfor %}\n</code></pre>\n<p>Span <code>{{ x }}</code> here.</p>\n", result.Html);
    }

    [Theory]
    [InlineData("Use `{% include toc.html %}` here.\n", "{% include toc.html %}")]
    [InlineData("```liquid\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n```\n", "{% for post in site.posts %}{{ post.title }}{% endfor %}\n")]
    [InlineData("```\n{{< figure src=\"a.png\" >}}\n```\n", "{{< figure src=\"a.png\" >}}\n")]
    [InlineData("    {{ page.title }}\n", "{{ page.title }}\n")]
    [InlineData("~~~\n{% highlight ruby %}\nx\n{% endhighlight %}\n~~~\n", "{% highlight ruby %}\nx\n{% endhighlight %}\n")]
    public void Template_syntax_in_code_is_code_kept_verbatim_without_a_warning(string markdown, string code)
    {
        var (result, diagnostics) = BodyRender.Render(markdown);

        Assert.Empty(diagnostics);
        Assert.Equal(code, BodyRender.Dom(result.Html).QuerySelector("code")!.TextContent);
    }

    [Fact]
    public void Entity_auto_links_stay_out_of_template_tags_and_link_the_next_mention_in_prose()
    {
        var matcher = new EntityMatcher([("OpenAI", "/companies/openai/")]);

        var (result, _) = BodyRender.Render("Before {% include OpenAI.html %} after, OpenAI said.\n", entities: matcher);
        var links = BodyRender.Dom(result.Html).QuerySelectorAll("a.entity-link").ToList();

        Assert.Contains("{% include OpenAI.html %}", result.Html, StringComparison.Ordinal);
        Assert.Equal(["OpenAI"], links.Select(a => a.TextContent));
        Assert.Contains("after, <a href=\"/companies/openai/\" class=\"entity-link\">OpenAI</a>", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Smart_quotes_and_emphasis_never_change_a_tag()
    {
        var (result, _) = BodyRender.Render("Tag {{< gist user_name \"a_b_c\" >}} and {% include \"my_file.html\" %} end.\n");

        Assert.Contains("{{&lt; gist user_name &quot;a_b_c&quot; &gt;}}", result.Html, StringComparison.Ordinal);
        Assert.Contains("{% include &quot;my_file.html&quot; %}", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hugos_escaped_shortcodes_read_as_the_shortcode_without_a_warning()
    {
        var (result, diagnostics) = BodyRender.Render("Write {{</* figure src=\"a.png\" */>}} to add a figure.\n");

        Assert.Empty(diagnostics);
        Assert.Equal("<p>Write {{&lt; figure src=&quot;a.png&quot; &gt;}} to add a figure.</p>\n", result.Html);
    }

    [Fact]
    public void Template_tags_are_left_out_of_search_text_and_word_count()
    {
        var (result, _) = BodyRender.Render("One {% include x.html %} two {{ page.title }} three.\n");

        Assert.Equal("One two three.", result.PlainText);
        Assert.Equal(3, result.WordCount);
    }

    [Theory]
    [InlineData("## Heading {#custom-id}\n")]
    [InlineData("Set { a: 1 } and {{}} and {{ 1 + 1 }}.\n")]
    public void Braces_in_prose_are_not_template_syntax(string markdown)
    {
        Assert.Empty(BodyRender.Render(markdown).Diagnostics);
    }

    [Fact]
    public void A_url_tag_outside_a_link_target_says_where_it_works()
    {
        var (_, diagnostics) = BodyRender.Render("Home is {{ site.baseurl }} and {% post_url 2010-07-21-launch %}.\n");

        Assert.Equal(
            [
                "'{{ site.baseurl }}' is replaced only as a link target, as in [text]({{ site.baseurl }}); here it is shown as written",
                "'{% post_url 2010-07-21-launch %}' is replaced only as a link target, as in [text]({% post_url 2010-07-21-launch %}); here it is shown as written",
            ],
            diagnostics.Select(d => d.Message));
    }
}
