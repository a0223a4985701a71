using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>Documents are read by the <c>_site.yml</c> reading settings too: a cached document read with others is read again.</summary>
public sealed class ReadingSettingsCacheTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Changing_the_taxonomies_setting_rereads_cached_documents_and_equals_a_clean_build(bool inMemory)
    {
        using var site = new IncrementalSite(inMemory);
        site.Write("briefs/2025/collector.md", TestSite.Brief("title: \"Collector news\"\ndate: 2025-03-01\nsig: [Collector]"));
        site.BuildOk();
        Assert.False(site.Site.OutputExists("topics/collector/index.html"));

        var settings = Path.Combine(site.Site.InputDirectory, "_site.yml");
        File.AppendAllText(settings, "\ntaxonomies: { sig: topics }\n");
        site.Changed("_site.yml");
        site.BuildOk();

        Assert.Contains("Collector news", site.Site.ReadOutput("topics/collector/index.html"), StringComparison.Ordinal);
        site.AssertSameAsClean();
    }
}
