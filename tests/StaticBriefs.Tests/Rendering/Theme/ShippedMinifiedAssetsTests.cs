using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// The built-in theme's stylesheets and scripts ship minified inside the tool: each entry is what the minifier makes of
/// today's theme file, the folder holds nothing else, and a build takes the entry instead of minifying. Set
/// STATICBRIEFS_UPDATE_GOLDEN=1 to rewrite <c>src/StaticBriefs/Rendering/Theme/Minified/</c> after editing the theme.
/// </summary>
public sealed class ShippedMinifiedAssetsTests
{
    private const string UpdateVariable = "STATICBRIEFS_UPDATE_GOLDEN";

    private static string SourceFolder => Path.Combine(RepoPaths.Root, "src", "StaticBriefs", "Rendering", "Theme", "Minified");

    /// <summary>Each built-in stylesheet and script, its text as a build reads it, and the name of its entry.</summary>
    private static List<(string Path, string Text, string Entry)> BuiltInAssets()
    {
        var theme = new ThemeFiles(EmbeddedThemeSource.Instance);
        var diagnostics = new DiagnosticBag();
        var assets = theme.List("assets")
            .Where(a => Path.GetExtension(a) is ".css" or ".js")
            .Select(a => (Path: a, Text: theme.Resolve(a)!.ReadText(diagnostics)!))
            .Select(a => (a.Path, a.Text, MinifiedAssetCache.EntryName(Path.GetExtension(a.Path), a.Text)))
            .ToList();
        Assert.Empty(diagnostics.Sorted());
        return assets;
    }

    [Fact]
    public void Every_built_in_stylesheet_and_script_has_an_entry_equal_to_what_the_minifier_makes()
    {
        var assets = BuiltInAssets();
        Assert.Contains(assets, a => a.Path == "assets/css/site.css");
        Assert.Contains(assets, a => a.Path == "assets/js/search.js");
        var minifier = new Minifier(true);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            foreach (var stale in Directory.EnumerateFiles(SourceFolder).Where(f => Path.GetExtension(f) is ".css" or ".js")) File.Delete(stale);
            foreach (var (path, text, entry) in assets)
                File.WriteAllText(Path.Combine(SourceFolder, entry), minifier.Minify(path, text), new UTF8Encoding(false));
        }

        foreach (var (path, text, entry) in assets)
        {
            var file = Path.Combine(SourceFolder, entry);
            Assert.True(File.Exists(file), $"{path} has no minified entry {entry}: the theme file changed. Run {UpdateVariable}=1 dotnet test tests/StaticBriefs.Tests -c Release --filter ShippedMinifiedAssetsTests, build again and commit the folder.");
            Assert.Equal(minifier.Minify(path, text), File.ReadAllText(file, Encoding.UTF8));
        }
    }

    [Fact]
    public void The_folder_holds_no_entry_for_text_the_theme_no_longer_has()
    {
        var current = BuiltInAssets().Select(a => a.Entry).ToHashSet(StringComparer.Ordinal);
        var shipped = Directory.EnumerateFiles(SourceFolder).Select(Path.GetFileName).Where(f => Path.GetExtension(f) is ".css" or ".js").ToList();

        Assert.NotEmpty(shipped);
        Assert.All(shipped, f => Assert.Contains(f!, current));
    }

    [Fact]
    public void The_tool_carries_every_entry_and_finds_it_by_the_theme_files_text()
    {
        var minifier = new Minifier(true);
        var assets = BuiltInAssets();

        Assert.Equal(assets.Count, ShippedMinifiedAssets.BuiltIn.Count);
        foreach (var (path, text, _) in assets)
            Assert.Equal(minifier.Minify(path, text), ShippedMinifiedAssets.BuiltIn.Find(path, text));
        Assert.Null(ShippedMinifiedAssets.BuiltIn.Find("assets/css/site.css", "body { margin : 0 ; }"));
    }

    [Fact]
    public void A_shipped_entry_is_taken_instead_of_minifying_and_only_for_its_exact_text()
    {
        const string source = "a { margin : 0 auto ; }";
        // An entry that is not what the minifier makes shows which one was taken.
        var shipped = new ShippedMinifiedAssets(new Dictionary<string, string> { [MinifiedAssetCache.EntryName(".css", source)] = "a{shipped}" });

        Assert.Equal("a{shipped}", shipped.Minify(new Minifier(true), "assets/css/x.css", source));
        Assert.Equal("a{margin:0 auto}", shipped.Minify(new Minifier(true), "assets/css/x.css", source + " "));
        Assert.Equal(source, shipped.Minify(new Minifier(false), "assets/css/x.css", source));
        // The same text as a script is another entry.
        Assert.NotEqual("a{shipped}", shipped.Minify(new Minifier(true), "assets/js/x.js", source));
    }

    [Fact]
    public void The_build_cache_takes_a_shipped_entry_before_its_folder_and_keeps_no_copy_of_it()
    {
        using var site = new TestSite();
        const string source = "a { margin : 0 auto ; }";
        var shipped = new ShippedMinifiedAssets(new Dictionary<string, string> { [MinifiedAssetCache.EntryName(".css", source)] = "a{shipped}" });
        var folder = Path.Combine(site.Root, "cache", "assets");
        var cache = new MinifiedAssetCache(folder, shipped);

        Assert.Equal("a{shipped}", cache.Minify(new Minifier(true), "x.css", source));
        Assert.False(Directory.Exists(folder));
        Assert.Equal("b{margin:0}", cache.Minify(new Minifier(true), "x.css", "b { margin : 0 ; }"));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Publishing_without_a_cache_takes_the_shipped_entry()
    {
        using var site = new TestSite();
        const string source = "a { margin : 0 auto ; }";
        site.Write("theme/assets/css/x.css", source);
        var shipped = new ShippedMinifiedAssets(new Dictionary<string, string> { [MinifiedAssetCache.EntryName(".css", source)] = "a{shipped}" });
        var diagnostics = new DiagnosticBag();
        var theme = new ThemeFiles(new FolderThemeSource(Path.Combine(site.InputDirectory, "theme"), "theme", site.Root, diagnostics));
        using var folder = OutputFolder.Open(OutputTestSupport.Request(site), diagnostics, out _)!;
        using var staging = folder.CreateStaging(diagnostics)!;

        var published = AssetPublisher.Publish(theme, new Minifier(true), staging, diagnostics, cache: null, shipped);
        Assert.True(folder.Commit(staging, null, diagnostics), string.Join('\n', diagnostics.Sorted()));

        Assert.Equal("a{shipped}", File.ReadAllText(site.OutputPath(published.Styles.Single().TrimStart('/'))));
    }

    [Fact]
    public void A_clean_build_publishes_the_built_in_stylesheet_as_shipped()
    {
        using var site = new TestSite();
        site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        site.Write("briefs/a.md", TestSite.Brief("title: First\ndate: 2024-01-01"));

        site.BuildOk(o => o with { Minify = true, UseCache = false });

        var text = BuiltInAssets().Single(a => a.Path == "assets/css/site.css").Text;
        var published = Directory.GetFiles(site.OutputPath("assets/css"), "site.*.css").Single();
        Assert.Equal(ShippedMinifiedAssets.BuiltIn.Find("assets/css/site.css", text), File.ReadAllText(published));
    }
}
