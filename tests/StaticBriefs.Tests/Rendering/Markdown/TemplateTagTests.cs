using StaticBriefs.Rendering.Markdown.Templates;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Reading one template tag: delimiters, names, arguments, and what is not a tag.</summary>
public sealed class TemplateTagTests
{
    [Theory]
    [InlineData("{% include toc.html %} rest", TemplateSyntax.Tag, "include", "toc.html", "{% include toc.html %}")]
    [InlineData("{%- post_url 2010-07-21-a -%}", TemplateSyntax.Tag, "post_url", "2010-07-21-a", "{%- post_url 2010-07-21-a -%}")]
    [InlineData("{{ site.baseurl }}/x", TemplateSyntax.Output, "site.baseurl", "", "{{ site.baseurl }}")]
    [InlineData("{{ \"/a.png\" | relative_url }}", TemplateSyntax.Output, "\"/a.png\" | relative_url", "", "{{ \"/a.png\" | relative_url }}")]
    [InlineData("{{< figure src=\"a.png\" >}}", TemplateSyntax.Shortcode, "figure", "src=\"a.png\"", "{{< figure src=\"a.png\" >}}")]
    [InlineData("{{% notice tip %}}", TemplateSyntax.MarkdownShortcode, "notice", "tip", "{{% notice tip %}}")]
    [InlineData("{# draft note #}", TemplateSyntax.Comment, "", "", "{# draft note #}")]
    [InlineData("{{</* figure src=\"a\" */>}}", TemplateSyntax.EscapedShortcode, "figure", "src=\"a\"", "{{</* figure src=\"a\" */>}}")]
    public void Tags_are_read_with_their_syntax_name_arguments_and_text(string text, TemplateSyntax syntax, string name, string arguments, string whole)
    {
        var tag = TemplateTag.Read(text);

        Assert.NotNull(tag);
        Assert.Equal((syntax, name, arguments, whole), (tag.Syntax, tag.Name, tag.Arguments, tag.Text));
    }

    [Fact]
    public void Hugo_closing_tags_are_marked_and_named_without_the_slash()
    {
        var tag = TemplateTag.Read("{{< /highlight >}}")!;

        Assert.True(tag.IsClosing);
        Assert.Equal("highlight", tag.Name);
    }

    [Fact]
    public void A_tag_may_span_lines_but_not_a_blank_line()
    {
        Assert.NotNull(TemplateTag.Read("{{< figure\n  src=\"a.png\"\n  caption=\"b\" >}}"));
        Assert.Null(TemplateTag.Read("{{< figure\n\n src=\"a.png\" >}}"));
    }

    [Theory]
    [InlineData("{ not a tag }")]
    [InlineData("{#heading-id}")]
    [InlineData("{{}}")]
    [InlineData("{{ 1 + 2 }}")]
    [InlineData("{{ unclosed")]
    [InlineData("{%  %}")]
    [InlineData("{% 5 %}")]
    [InlineData("{{")]
    public void Braces_that_are_not_template_syntax_are_left_alone(string text)
    {
        Assert.Null(TemplateTag.Read(text));
    }

    [Fact]
    public void Text_between_delimiters_longer_than_the_limit_is_not_a_tag()
    {
        Assert.Null(TemplateTag.Read("{% x " + new string('a', TemplateTag.MaxLength) + " %}"));
    }

    [Fact]
    public void Arguments_split_into_positional_and_named_values_in_any_quotes()
    {
        var arguments = TemplateArguments.Parse("go \"linenos=table\" src='a b.png' Alt=\"say \\\"hi\\\"\" raw=`x\\y` bare=1");

        Assert.Equal(["go", "linenos=table"], arguments.Positional);
        Assert.Equal("a b.png", arguments.Get("src"));
        Assert.Equal("say \"hi\"", arguments.Get("alt"));
        Assert.Equal("x\\y", arguments.Get("raw"));
        Assert.Equal("1", arguments.Get("bare"));
        Assert.Equal("go", arguments.Get("lang", 0));
    }

    [Theory]
    [InlineData("{% link about.md %}", true)]
    [InlineData("{% post_url 2010-07-21-a %}", true)]
    [InlineData("{{ site.baseurl }}", true)]
    [InlineData("{{ site.url }}", true)]
    [InlineData("{{ '/a.png' | absolute_url }}", true)]
    [InlineData("{{< ref \"a.md\" >}}", true)]
    [InlineData("{{% relref \"a\" %}}", true)]
    [InlineData("{{ page.title }}", false)]
    [InlineData("{% include x.html %}", false)]
    [InlineData("{{< figure src=\"a\" >}}", false)]
    public void Tags_that_name_a_url_are_known(string text, bool namesUrl)
    {
        Assert.Equal(namesUrl, TemplateTag.Read(text)!.NamesUrl);
    }
}
