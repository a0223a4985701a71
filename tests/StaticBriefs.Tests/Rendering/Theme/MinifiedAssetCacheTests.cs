using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>Minified stylesheets and scripts kept in the build cache: reused by the next build, keyed by their source.</summary>
public sealed class MinifiedAssetCacheTests : IDisposable
{
    private readonly TestSite _site = new();

    public MinifiedAssetCacheTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: First\ndate: 2024-01-01"));
        _site.Write("_theme/assets/css/extra.css", "body {\n  margin : 0 auto ;\n}\n");
    }

    public void Dispose() => _site.Dispose();

    private string CacheFolder => Path.Combine(_site.Root, "cache", "assets");

    private BuildOptionsEdit Cached => o => o with { Minify = true, UseCache = true, CacheDirectory = Path.Combine(_site.Root, "cache") };

    private delegate StaticBriefs.Building.BuildOptions BuildOptionsEdit(StaticBriefs.Building.BuildOptions options);

    private string PublishedExtraCss()
    {
        var file = Directory.GetFiles(_site.OutputPath("assets/css"), "extra.*.css").Single();
        return File.ReadAllText(file);
    }

    [Fact]
    public void A_cached_build_keeps_each_minified_asset_and_the_next_build_reads_it_from_there()
    {
        _site.BuildOk(o => Cached(o));
        Assert.Equal("body{margin:0 auto}", PublishedExtraCss());
        var entry = Directory.GetFiles(CacheFolder, "*.css").Single(f => File.ReadAllText(f) == "body{margin:0 auto}");

        // Proof that the second build reads the cache rather than minifying again: what it publishes is the entry.
        File.WriteAllText(entry, "body{color:blue}");
        _site.BuildOk(o => Cached(o));

        Assert.Equal("body{color:blue}", PublishedExtraCss());
    }

    [Fact]
    public void An_edited_asset_is_minified_again_under_a_new_key()
    {
        _site.BuildOk(o => Cached(o));
        _site.Write("_theme/assets/css/extra.css", "body {\n  padding : 1px ;\n}\n");

        _site.BuildOk(o => Cached(o));

        Assert.Equal("body{padding:1px}", PublishedExtraCss());
        Assert.Contains(Directory.GetFiles(CacheFolder, "*.css"), f => File.ReadAllText(f) == "body{margin:0 auto}");
    }

    [Fact]
    public void A_build_without_the_cache_writes_no_cache_entries()
    {
        _site.BuildOk(o => Cached(o) with { UseCache = false });

        Assert.Equal("body{margin:0 auto}", PublishedExtraCss());
        Assert.False(Directory.Exists(CacheFolder));
    }

    [Fact]
    public void An_unwritable_cache_folder_still_gives_the_minified_text()
    {
        // A file where the cache folder should be: nothing can be written there.
        var blocked = Path.Combine(_site.Root, "blocked");
        File.WriteAllText(blocked, "not a folder");
        var cache = new MinifiedAssetCache(Path.Combine(blocked, "assets"));

        Assert.Equal("a{margin:0 auto}", cache.Minify(new Minifier(true), "x.css", "a { margin : 0 auto ; }"));
        Assert.Equal("a { margin : 0 auto ; }", cache.Minify(new Minifier(false), "x.css", "a { margin : 0 auto ; }"));
    }
}
