using StaticBriefs.Loading.Conventions;

namespace StaticBriefs.Tests.Loading.Conventions;

/// <summary>Comments and template constructs out of markdown text, before a summary is made from it.</summary>
public sealed class TemplateTextTests
{
    [Theory]
    [InlineData("a <!-- note --> b", "a   b")]
    [InlineData("a {{< figure src=\"x.png\" >}} b", "a   b")]
    [InlineData("a {{% notice %}} b", "a   b")]
    [InlineData("a {% include x.html %} b", "a   b")]
    [InlineData("a {{ site.title }} b", "a   b")]
    [InlineData("a {# hidden #} b", "a   b")]
    [InlineData("a {{< comment >}}secret{{< /comment >}} b", "a   b")]
    [InlineData("a {% comment %}never closed", "a  ")]
    public void Each_construct_becomes_one_space(string text, string expected)
    {
        Assert.Equal(expected, TemplateText.WithoutTemplates(text));
    }

    [Fact]
    public void An_opener_without_a_closer_stays_as_text()
    {
        Assert.Equal("fn f() { {{ let x = 1; }", TemplateText.WithoutTemplates("fn f() { {{ let x = 1; }"));
    }

    [Fact]
    public void Text_with_brackets_but_no_construct_comes_back_as_it_was_without_a_copy()
    {
        // HTML and code put '<' and '{' in most posts; only a construct found is worth copying the text for.
        var text = "<p>fn main() { println!(\"{}\", 1); }</p> Vec<u8>";

        Assert.Same(text, TemplateText.WithoutTemplates(text));
    }
}
