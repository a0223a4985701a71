namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>Fenced code in a body: highlighted when its language is known, escaped plain text otherwise.</summary>
public sealed class SyntaxHighlightingExtensionTests
{
    [Fact]
    public void Fenced_code_with_a_known_language_gets_token_spans_inside_pre_code_with_the_language_class()
    {
        var (result, diagnostics) = BodyRender.Render("```rust\nfn main() {}\n```\n");

        Assert.Empty(diagnostics);
        Assert.Equal(
            "<pre><code class=\"language-rust\"><span class=\"k\">fn </span><span class=\"nf\">main</span>() {}\n</code></pre>\n",
            result.Html);
    }

    [Theory]
    [InlineData("```\na < b && c\n```\n", "<pre><code>a &lt; b &amp;&amp; c\n</code></pre>\n")]
    [InlineData("```brainfuck\n+[>+<-]\n```\n", "<pre><code class=\"language-brainfuck\">+[&gt;+&lt;-]\n</code></pre>\n")]
    [InlineData("```text\nfn main() {}\n```\n", "<pre><code class=\"language-text\">fn main() {}\n</code></pre>\n")]
    [InlineData("    fn main() {}\n", "<pre><code>fn main() {}\n</code></pre>\n")]
    public void Code_without_a_known_language_is_escaped_plain_text_as_before(string markdown, string expected)
    {
        Assert.Equal(expected, BodyRender.Render(markdown).Result.Html);
    }

    [Fact]
    public void Info_strings_with_options_use_the_first_word_and_keep_the_class_as_written()
    {
        var html = BodyRender.Render("```rust,ignore\nfn f() {}\n```\n\n```go {linenos=table}\nfunc g() {}\n```\n\n```diff-js\n+let a;\n```\n").Result.Html;
        var dom = BodyRender.Dom(html);

        var codes = dom.QuerySelectorAll("pre > code").ToList();
        Assert.Equal(["language-rust,ignore", "language-go", "language-diff-js"], codes.Select(c => c.ClassName));
        Assert.NotNull(codes[0].QuerySelector("span.k"));
        Assert.NotNull(codes[1].QuerySelector("span.k"));
        Assert.NotNull(codes[2].QuerySelector("span.gi"));
    }

    [Fact]
    public void Search_text_and_word_count_come_from_the_code_not_the_spans()
    {
        var (result, _) = BodyRender.Render("Intro words.\n\n```python\ndef greet(name):\n    return name\n```\n");

        Assert.Equal("Intro words. def greet(name): return name", result.PlainText);
        Assert.DoesNotContain("span", result.PlainText, StringComparison.Ordinal);
        Assert.Equal(2, result.WordCount);
    }

    [Fact]
    public void Code_inside_lists_and_quotes_is_highlighted_too()
    {
        var html = BodyRender.Render("- step:\n\n  ```sh\n  echo hi\n  ```\n\n> ```json\n> {\"a\": 1}\n> ```\n").Result.Html;
        var dom = BodyRender.Dom(html);

        Assert.NotNull(dom.QuerySelector("li pre code.language-sh span.nb"));
        Assert.NotNull(dom.QuerySelector("blockquote pre code.language-json span.nt"));
    }
}
