using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Incremental;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// A cached body's link look-ups are saved in the cache's index: with the same spellings, whether a body left in the
/// pack links as before is answered without reading its record (an added, moved or deleted brief asks it of every body).
/// </summary>
public sealed class IndexedLookupsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string CacheDirectory => Path.Combine(_site.Root, "cache");

    private static LinkContext Links(params string[] known) =>
        new("/", known.ToHashSet(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    private static readonly LinkLookup[] Expected = [new('k', "/briefs/other/", "1")];

    private static readonly BodyText Body = new("See [the other brief](/briefs/other/).");

    /// <summary>Renders <see cref="Body"/> into a cache on disk, asking whether the other brief's page exists, and saves it.</summary>
    private void SaveRenderedBody()
    {
        var cache = new BuildCache(CacheDirectory);
        cache.EnsureLoaded();
        var memo = new MarkdownMemo(cache, "context", "spellings", []);
        memo.Render(Body, "briefs/a.md", 4, Links("/briefs/other/"), new DiagnosticBag(), (links, _) =>
        {
            var found = links.KnownPaths.Contains("/briefs/other/");
            return new RenderedMarkdown(found ? "<p>linked</p>" : "<p>broken</p>", [], 4, "See the other brief.");
        });
        cache.Save();
        cache.Pack?.Dispose();
    }

    [Fact]
    public void A_body_left_in_the_pack_is_checked_from_the_index_without_reading_its_record()
    {
        SaveRenderedBody();
        var cache = new BuildCache(CacheDirectory);
        cache.EnsureLoaded();
        var unread = Assert.Single(cache.UnreadMarkdown.Values);
        Assert.Equal(Expected, unread.Lookups()!.Value.ToArray());
        // Nothing can be read from the pack any more: the answers must come from the index.
        cache.Pack!.Dispose();
        var memo = new MarkdownMemo(cache, "context", "spellings", []);
        memo.PrepareChecks([(Body, "briefs/a.md", 4)]);

        Assert.True(memo.IsCurrent(Body, "briefs/a.md", 4, Links("/briefs/other/", "/briefs/new/")));
        Assert.False(memo.IsCurrent(Body, "briefs/a.md", 4, Links("/briefs/new/")));
    }

    [Fact]
    public void The_look_ups_stay_in_the_index_across_saves_of_a_body_never_read()
    {
        SaveRenderedBody();
        var middle = new BuildCache(CacheDirectory);
        middle.EnsureLoaded();
        middle.Save();
        middle.Pack?.Dispose();

        var cache = new BuildCache(CacheDirectory);
        cache.EnsureLoaded();

        Assert.Equal(Expected, Assert.Single(cache.UnreadMarkdown.Values).Lookups()!.Value.ToArray());
        cache.Pack?.Dispose();
    }

    [Fact]
    public void Look_ups_read_back_from_their_bytes_and_damaged_bytes_read_as_none()
    {
        ImmutableArray<LinkLookup> lookups = [new('k', "/briefs/other/", "1"), new('p', "briefs/b.md", null)];

        Assert.Equal(lookups.ToArray(), CacheCodec.ReadLookupBytes(CacheCodec.LookupBytes(lookups))!.Value.ToArray());
        Assert.Null(CacheCodec.ReadLookupBytes(new byte[] { 0xFF, 0xFF, 0xFF, 0x7F }));
        Assert.Null(CacheCodec.ReadLookupBytes(CacheCodec.LookupBytes(lookups).AsMemory(0, 5)));
        Assert.Null(CacheCodec.ReadLookupBytes(CacheCodec.LookupBytes(lookups).Concat(new byte[] { 1 }).ToArray()));
    }
}
