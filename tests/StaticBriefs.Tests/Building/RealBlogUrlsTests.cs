using System.Text.RegularExpressions;
using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Building;

/// <summary>
/// The OpenTelemetry blog (Hugo + Docsy, tests/RealContent, CC-BY-4.0), built as it is with a short <c>_site.yml</c>:
/// its URLs are kept, every alias redirects, page bundles keep their images, page-relative links and raw HTML work.
/// </summary>
public sealed partial class RealBlogUrlsTests : IDisposable
{
    private static readonly string Blog = Path.Combine(RepoPaths.Root, "tests", "RealContent", "hugo-opentelemetry-blog", "posts");

    // Six lines: the blog's URL scheme, Hugo's reading of relative aliases, the larger site's folders, and
    // broken_links: warning because the copy holds 60 of the blog's posts (links to the others are reported).
    private const string Settings = """
        title: OpenTelemetry blog
        permalinks:
          briefs: /blog/:year/:slug/
        relative_aliases: page
        broken_links: warning
        external_paths: [/docs/, /community/, /ecosystem/, /ja/, /zh/, /es/, /fr/, /pt/, /bn/, /uk/, /ro/]
        """;

    private readonly TestSite _site = TestSite.CopyOf(Blog);

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_opentelemetry_blog_builds_as_it_is_and_keeps_its_urls_and_old_urls(bool allowHtml)
    {
        _site.Write("_site.yml", Settings + (allowHtml ? "\nallow_html: true\n" : "\n"));

        // A clock after the newest post (2026), so none of them is a future brief.
        var result = _site.BuildOk(o => o with { Now = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        // Every alias written in the posts (relative ones beside the post, as Hugo reads them) redirects to its post.
        var aliases = AliasesInSources();
        Assert.Equal(7, aliases.Count);
        foreach (var (source, alias) in aliases)
        {
            var year = source[..4];
            var post = "/blog/" + year + "/" + Path.GetFileNameWithoutExtension(source) + "/";
            var old = alias.StartsWith('/') ? alias.TrimEnd('/') + "/" : "/blog/" + year + "/" + alias + "/";
            Assert.True(_site.OutputExists(post + "index.html"), post);
            Assert.Equal("0; url=" + post, _site.Html(old + "index.html").QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
            Assert.Contains(old + " " + post + " 301\n", _site.ReadOutput("_redirects"), StringComparison.Ordinal);
        }

        // Bundles: every image a page shows (markdown or raw HTML) is published where its src says, but the one file
        // the copy lacks (schema.gif, over 4 MiB), which is reported.
        var missing = new List<string>();
        foreach (var page in _site.OutputFiles().Where(f => f.StartsWith("blog/", StringComparison.Ordinal) && f.EndsWith("index.html", StringComparison.Ordinal)))
        {
            foreach (var src in _site.Html(page).QuerySelectorAll("main .prose img").Select(i => i.GetAttribute("src") ?? ""))
            {
                if (src.StartsWith("http", StringComparison.Ordinal)) continue;
                if (!src.StartsWith('/') || !_site.OutputExists(Uri.UnescapeDataString(src))) missing.Add(page + ": " + src);
            }
            var text = _site.ReadOutput(page);
            Assert.DoesNotContain("&lt;!--", text, StringComparison.Ordinal);
            Assert.DoesNotContain("&lt;img", text, StringComparison.Ordinal);
            Assert.DoesNotContain("&lt;div", text, StringComparison.Ordinal);
        }
        Assert.Equal(["blog/2025/declarative-config-rc3/index.html: schema.gif"], missing.Distinct());

        // Each broken link is to a post this copy does not hold (or to the missing file), never a page-relative link
        // or an alias the build got wrong.
        var sources = Directory.EnumerateFiles(Blog, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(f) == "index.md" ? Path.GetFileName(Path.GetDirectoryName(f)!) : Path.GetFileNameWithoutExtension(f))
            .ToHashSet(StringComparer.Ordinal);
        var broken = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.BrokenLink).ToList();
        Assert.NotEmpty(broken);
        foreach (var link in broken)
        {
            var target = PointsAt().Match(link.Message).Groups[1].Value;
            Assert.True(target.EndsWith("schema.gif", StringComparison.Ordinal) || !sources.Contains(target.TrimEnd('/').Split('/')[^1]), link.ToString());
        }

        // Raw HTML: left out with one warning per file, or published.
        Assert.Equal(allowHtml ? 0 : 9, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.RawHtmlOmitted));
    }

    /// <summary>(source relative to the blog, alias as written) for every alias in the posts' front matter.</summary>
    private static List<(string Source, string Alias)> AliasesInSources()
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(Blog, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(Blog, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("aliases:", StringComparison.Ordinal)) continue;
                var inline = lines[i]["aliases:".Length..].Trim();
                if (inline.Length > 0) found.AddRange(inline.Trim('[', ']').Split(',').Select(a => (source, a.Trim())));
                for (var j = i + 1; j < lines.Length && lines[j].StartsWith("  - ", StringComparison.Ordinal); j++)
                    found.Add((source, lines[j][4..].Trim()));
            }
        }
        return found;
    }

    [GeneratedRegex("points at (\\S+),")]
    private static partial Regex PointsAt();
}
