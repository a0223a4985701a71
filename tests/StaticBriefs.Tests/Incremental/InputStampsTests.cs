using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// A cached load takes a markdown file's document without reading the file when its stamp (size, times, inode) is the
/// one taken before the read that gave the document, and reads every file it cannot vouch for.
/// </summary>
public sealed class InputStampsTests : IDisposable
{
    private const string First = "briefs/first.md";
    private readonly TestSite _site = new();

    public InputStampsTests()
    {
        _site.Write(First, TestSite.Brief("title: First brief\ndate: 2024-01-02", "Alpha body."));
        _site.Write("briefs/second.md", TestSite.Brief("title: Second brief\ndate: 2024-01-03", "Beta body."));
    }

    public void Dispose() => _site.Dispose();

    private (StaticBriefs.Model.LoadedSite Site, LoadCounts Counts) Load(BuildCache cache)
    {
        var counts = new LoadCounts();
        var diagnostics = new DiagnosticBag();
        var site = CachedSiteLoader.Load(_site.InputDirectory, cache, diagnostics, counts);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Sorted()));
        return (site, counts);
    }

    private string BodyOf(StaticBriefs.Model.LoadedSite site, string title) => site.Documents.Single(d => d.Title == title).Body;

    [Fact]
    public void Files_whose_stamps_stand_are_not_read_again()
    {
        var cache = new BuildCache(null) { StampSettle = TimeSpan.Zero };
        var (_, first) = Load(cache);

        var (site, again) = Load(cache);

        Assert.Equal(2, first.Read);
        Assert.Equal(0, again.Read);
        Assert.Equal(2, again.Reused);
        Assert.Contains("Alpha body.", BodyOf(site, "First brief"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_same_size_edit_with_its_write_time_put_back_is_read_again()
    {
        var cache = new BuildCache(null) { StampSettle = TimeSpan.Zero };
        Load(cache);
        var path = Path.Combine(_site.InputDirectory, First);
        var written = File.GetLastWriteTimeUtc(path);
        Thread.Sleep(20);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Alpha body.", "Gamma body.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);

        var (site, counts) = Load(cache);

        Assert.Equal(1, counts.Read);
        Assert.Contains("Gamma body.", BodyOf(site, "First brief"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_moments_before_its_read_gets_no_stamp_and_is_read_next_time()
    {
        // The default wait: these files were written just now, within the same clock tick a second write could be.
        var cache = new BuildCache(null);
        Load(cache);

        var (_, counts) = Load(cache);

        Assert.Equal(2, counts.Read);
        Assert.All(cache.Documents.Values, entry => Assert.Null(entry.Stamp));
    }

    [Fact]
    public void Stamps_are_saved_with_the_cache_and_a_new_process_trusts_them()
    {
        var directory = Path.Combine(_site.Root, "cache");
        var cache = new BuildCache(directory) { StampSettle = TimeSpan.Zero };
        Load(cache);
        CacheStore.Save(cache, directory);

        var next = new BuildCache(directory) { StampSettle = TimeSpan.Zero };
        var (site, counts) = Load(next);

        Assert.Equal(0, counts.Read);
        Assert.Equal(cache.Documents[First].Stamp, next.Documents[First].Stamp);
        Assert.Contains("Beta body.", BodyOf(site, "Second brief"), StringComparison.Ordinal);
    }
}
