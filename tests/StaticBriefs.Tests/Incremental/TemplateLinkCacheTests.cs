using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// Bodies with highlighted code and template links are cached like any body: reused while every source and name
/// look-up they made answers the same, rendered again when one does not.
/// </summary>
public sealed class TemplateLinkCacheTests
{
    private const string Linking = "briefs/2025/linking.md";

    private static IncrementalSite SiteWithLinks()
    {
        var site = new IncrementalSite(inMemory: false);
        site.Write("briefs/2024/2024-05-01-launch.md", TestSite.Brief("title: \"Launch\"\ndate: 2024-05-01", "The launch."));
        site.Write(Linking, TestSite.Brief("title: \"Linking\"\ndate: 2025-01-02",
            "See [the launch]({% post_url 2024-05-01-launch %}).\n\n```rust\nfn main() { println!(\"hi\"); }\n```\n"));
        return site;
    }

    [Fact]
    public void A_cached_body_is_rendered_again_when_a_second_file_takes_the_name_its_post_url_named()
    {
        using var site = SiteWithLinks();
        site.BuildOk();

        site.Write("archive/2024-05-01-launch.md", TestSite.Brief("title: \"Old launch\"\ndate: 2023-05-01\nslug: old-launch", "Old."));
        var result = site.Build();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((Linking, DiagnosticCodes.BrokenLink), (error.File, error.Code));
        Assert.Contains("could mean any of archive/2024-05-01-launch.md, briefs/2024/2024-05-01-launch.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cached_builds_of_highlighted_code_and_template_links_equal_a_clean_build()
    {
        using var site = SiteWithLinks();
        var first = site.BuildOk();
        Assert.Contains("<span class=\"k\">fn", File.ReadAllText(site.Site.OutputPath("briefs/linking/index.html")), StringComparison.Ordinal);
        Assert.Contains("href=\"/briefs/2024-05-01-launch/\"", File.ReadAllText(site.Site.OutputPath("briefs/linking/index.html")), StringComparison.Ordinal);

        site.Write(Linking, site.Read(Linking).Replace("See [the", "Read [the", StringComparison.Ordinal));
        var second = site.BuildOk();

        Assert.True(first.PagesRendered > second.PagesRendered);
        site.AssertSameAsClean();
    }
}
