using AngleSharp.Html.Dom;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>
/// Renders one body with the build's pipeline against a small site: posts and pages published at today's URLs
/// (<c>/briefs/&lt;slug&gt;/</c>, pages at their path), one draft, one image. Bodies are in <c>briefs/2025/x.md</c>
/// starting on file line 10 unless told otherwise, so positions in messages count the front matter.
/// </summary>
internal static class BodyRender
{
    public const int FirstLine = 10;

    public static readonly Dictionary<string, string> PathsBySource = new(StringComparer.Ordinal)
    {
        ["briefs/2025/x.md"] = "/briefs/x/",
        ["_posts/2010-07-21-launch.md"] = "/briefs/launch/",
        ["_posts/2011/2011-01-02-followup.md"] = "/briefs/followup/",
        ["content/posts/intro/index.md"] = "/briefs/intro/",
        ["content/posts/setup.md"] = "/briefs/setup/",
        ["briefs/2025/setup.md"] = "/briefs/setup-2025/",
        ["about.md"] = "/about/",
        ["briefs/2024/draft.md"] = "/briefs/draft/",
    };

    public static readonly HashSet<string> KnownPaths =
        ["/", "/briefs/x/", "/briefs/launch/", "/briefs/followup/", "/briefs/intro/", "/briefs/setup/", "/briefs/setup-2025/", "/about/", "/companies/openai/"];

    public static readonly HashSet<string> StaticFiles = ["img/chart.png", "briefs/2025/photo.jpg", "files/report.pdf"];

    public static LinkContext Links(string basePath = "/") => new(basePath, KnownPaths, PathsBySource, StaticFiles)
    {
        Unpublished = new Dictionary<string, string> { ["/briefs/draft/"] = "the draft briefs/2024/draft.md (drafts are published only with --drafts, or once 'draft: false')" },
    };

    public static (RenderedMarkdown Result, IReadOnlyList<Diagnostic> Diagnostics) Render(
        string markdown, string basePath = "/", string path = "briefs/2025/x.md", EntityMatcher? entities = null, bool allowHtml = false)
    {
        var renderer = new MarkdownRenderer(MarkdownPipelineFactory.Create(new MarkdownOptions(allowHtml), entities), Links(basePath));
        var bag = new DiagnosticBag();
        var result = renderer.Render(markdown.ReplaceLineEndings("\n"), path, FirstLine, bag);
        return (result, bag.Sorted());
    }

    public static IHtmlDocument Dom(string html) => TestSite.Parse(html);

    /// <summary>A diagnostic as one comparable line: "line:col severity code".</summary>
    public static string Where(Diagnostic d) => $"{d.Line}:{d.Column} {d.Severity.ToString().ToLowerInvariant()} {d.Code}";
}
