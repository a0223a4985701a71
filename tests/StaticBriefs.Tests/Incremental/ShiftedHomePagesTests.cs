using StaticBriefs.Incremental;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// Home and entity pages on which some place now holds another brief are known to change: a planned build renders them without
/// fingerprinting their views first (their records then carry their bytes' hash), and fingerprints the others it renders.
/// </summary>
public sealed class ShiftedHomePagesTests
{
    // The sample site has 18 briefs at 10 a page: two home pages.
    private static readonly string[] HomePages = ["index.html", "page/2/index.html"];

    private static string KeyOf(IncrementalSite site, string file) =>
        site.Memory!.Manifest(site.Site.OutputDirectory)!.Files[file].Key;

    /// <summary>The key of a page recorded by its bytes (written without a fingerprint).</summary>
    private static string BytesKey(IncrementalSite site, string file) =>
        PageMemoSink.BytesOfPage(File.ReadAllText(site.Site.OutputPath(file)));

    [Fact]
    public void A_new_brief_shifts_every_home_page_and_they_are_written_without_fingerprints()
    {
        using var site = new IncrementalSite(inMemory: true);
        site.BuildOk();
        Assert.All(HomePages, file => Assert.NotEqual(BytesKey(site, file), KeyOf(site, file)));

        site.Write("briefs/2025/newest.md", TestSite.Brief("title: \"The newest brief\"\ndate: 2025-05-30\ncompanies: [Anthropic]", "New."));
        site.Changed("briefs/2025/newest.md");
        var result = site.BuildOk();

        Assert.True(result.Planned);
        Assert.All(HomePages, file => Assert.Equal(BytesKey(site, file), KeyOf(site, file)));
        // So does the page of the entity it names; an entity it does not name is left as it was.
        Assert.Equal(BytesKey(site, "companies/anthropic/index.html"), KeyOf(site, "companies/anthropic/index.html"));
        Assert.NotEqual(BytesKey(site, "companies/deepseek/index.html"), KeyOf(site, "companies/deepseek/index.html"));
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_retitled_brief_keeps_its_place_and_its_home_page_is_fingerprinted_again()
    {
        using var site = new IncrementalSite(inMemory: true);
        site.BuildOk();
        site.Write("briefs/2025/newest.md", TestSite.Brief("title: \"The newest brief\"\ndate: 2025-05-30\ncompanies: [Anthropic]", "New."));
        site.Changed("briefs/2025/newest.md");
        site.BuildOk();
        Assert.Equal(BytesKey(site, "index.html"), KeyOf(site, "index.html"));

        site.Write("briefs/2025/newest.md", TestSite.Brief("title: \"The newest brief, retitled\"\ndate: 2025-05-30\ncompanies: [Anthropic]", "New."));
        site.Changed("briefs/2025/newest.md");
        var result = site.BuildOk();

        // Its card changed in place: the first page is rendered (and fingerprinted), the second is left as it was.
        Assert.True(result.Planned);
        Assert.NotEqual(BytesKey(site, "index.html"), KeyOf(site, "index.html"));
        Assert.Equal(BytesKey(site, "page/2/index.html"), KeyOf(site, "page/2/index.html"));
        site.AssertSameAsClean();
    }
}
