namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>
/// The extensions rewrite the syntax tree (link targets rebuilt from text, paragraphs turned into figures, raw sections
/// unwrapped). Bodies made of random fragments of the syntax they look for must render without an exception, with
/// every problem reported inside the body.
/// </summary>
public sealed class ExtensionRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "{{", "}}", "{%", "%}", "{{<", ">}}", "{{%", "%}}", "{#", "#}", "[", "]", "(", ")", "![", "](", " ", "\n",
        "\n\n", "> [!NOTE]\n", "```rust\n", "```\n", "`", "raw", "endraw", "post_url 2010-07-21-launch", "link about.md",
        "ref \"intro\"", "site.baseurl", "figure src=\"x.png\"", "youtube id", "highlight go", "/highlight", "endhighlight",
        "\"", "'", "*", "_", "x", "a.md", "#", "|", "relative_url", "    ", "- ", "1. ", "javascript:x", "\t",
    ];

    [Fact]
    public void Random_bodies_of_template_and_markdown_fragments_render_and_report_inside_the_body()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => Fragments[random.Next(Fragments.Length)]));

            var (result, diagnostics) = BodyRender.Render(body);

            Assert.NotNull(result.Html);
            var lines = body.Split('\n').Length;
            Assert.All(diagnostics, d => Assert.InRange(d.Line, BodyRender.FirstLine, BodyRender.FirstLine + lines));
        }
    }
}
