using StaticBriefs.Tests.Incremental;

namespace StaticBriefs.Tests.Rendering.Feeds;

/// <summary>
/// A cached build keeps a feed file the last build made from an equal spec, and writes again those whose entries
/// changed; either way the feeds equal a clean build's.
/// </summary>
public sealed class FeedMemoTests
{
    private const string Brief = "briefs/2024/amazon-anthropic-4-billion.md";

    [Fact]
    public void A_body_edit_rewrites_the_feeds_showing_the_brief_and_keeps_the_others()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var output = site.Site.OutputDirectory;
        string[] showing = ["feed.xml", "feed.json", "companies/amazon/feed.xml", "companies/amazon/feed.json", "topics/funding/feed.xml"];
        string[] other = ["companies/meta/feed.xml", "companies/meta/feed.json"];
        var before = showing.Concat(other).ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(output, f)));
        // A file written again gets a later time, whatever the file system's clock resolution.
        Thread.Sleep(20);

        var path = Path.Combine(site.Site.InputDirectory, Brief);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Amazon remains a minority shareholder.", "Amazon is still a minority shareholder.", StringComparison.Ordinal));
        site.BuildOk();

        foreach (var file in other) Assert.Equal(before[file], File.GetLastWriteTimeUtc(Path.Combine(output, file)));
        foreach (var file in showing)
        {
            Assert.NotEqual(before[file], File.GetLastWriteTimeUtc(Path.Combine(output, file)));
            Assert.Contains("Amazon is still a minority shareholder.", File.ReadAllText(Path.Combine(output, file)), StringComparison.Ordinal);
        }
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_feed_file_edited_by_hand_is_written_again()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var feed = Path.Combine(site.Site.OutputDirectory, "companies/meta/feed.xml");
        File.AppendAllText(feed, "<!-- edited -->");

        site.BuildOk();

        Assert.DoesNotContain("edited", File.ReadAllText(feed), StringComparison.Ordinal);
        site.AssertSameAsClean();
    }
}
