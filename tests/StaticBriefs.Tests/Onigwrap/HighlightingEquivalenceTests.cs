using System.Text;
using Markdig.Syntax;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.Highlighting;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Onigwrap;

/// <summary>
/// Every fenced block with a language in the real blogs' posts under tests/RealContent (291 blocks in 14 languages),
/// highlighted as the build does, against the HTML the Onigwrap package's own managed layer gave for them
/// (Fixtures/Highlighting, written with it by <c>StaticBriefs.Benchmarks highlight-corpus tests/RealContent --dump</c>
/// before our implementation replaced it): the same patterns, text and offsets reach Oniguruma, so the same tokens.
/// </summary>
public sealed class HighlightingEquivalenceTests
{
    [Fact]
    public void Real_blog_code_is_highlighted_exactly_as_with_the_package()
    {
        var expected = File.ReadAllText(Path.Combine(RepoPaths.SourceFixtures, "Highlighting", "real-content-highlighted.txt"));

        var actual = Dump(Path.Combine(RepoPaths.Root, "tests", "RealContent"));

        Assert.Equal(291, actual.Split("\n=== ").Length);
        if (actual != expected)
        {
            var (want, got) = (expected.Split("\n=== "), actual.Split("\n=== "));
            var first = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], -1);
            Assert.Fail($"block {first} differs:\nexpected: {(first >= 0 ? want[first] : "")}\nactual: {(first >= 0 ? got[first] : "")}");
        }
    }

    /// <summary>As the benchmark's dump: files in ordinal order, each highlighted block's language line and HTML.</summary>
    private static string Dump(string root)
    {
        var pipeline = MarkdownPipelineFactory.Create(new MarkdownOptions(false));
        var highlighter = new SyntaxHighlighter();
        var dump = new StringBuilder();
        var html = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".markdown", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var block in Markdig.Markdown.Parse(File.ReadAllText(file), pipeline).Descendants<FencedCodeBlock>())
            {
                if (string.IsNullOrEmpty(block.Info)) continue;
                var language = HighlightingCodeBlockRenderer.LanguageOf(block.Info).ToString();
                if (!SyntaxHighlighter.Knows(language)) continue;
                string[] lines = [.. block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString())];
                highlighter.TryHighlight(language, lines, html.Clear());
                dump.Append("=== ").Append(language).Append(Environment.NewLine).Append(html);
            }
        }
        return dump.ToString();
    }
}
