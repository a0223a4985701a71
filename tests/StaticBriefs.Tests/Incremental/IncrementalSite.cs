using StaticBriefs.Building;
using StaticBriefs.Incremental;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// A copy of the sample site built with a cache, plus a clean build of the same input to compare against. Builds
/// minify (the default), so the cache's handling of minified pages is what is tested.
/// </summary>
internal sealed class IncrementalSite : IDisposable
{
    private readonly TestSite _site = TestSite.CopyOf(RepoPaths.SampleInput);
    private readonly bool _unversionedIndex;

    /// <param name="inMemory">Keep one trusted in-memory cache across builds, told what changed (as preview does).</param>
    /// <param name="live">Also keep the last build's model in memory, as preview does (needs <paramref name="inMemory"/>).</param>
    /// <param name="unversionedIndex">Write the search index unversioned, as preview does (the clean build too).</param>
    /// <param name="preview">
    /// Hold the output folder open across builds and clean it of foreign files, as preview does with its default folder.
    /// </param>
    /// <param name="now">The build's clock, for every build of this site (default: <see cref="TestSite.Now"/>).</param>
    public IncrementalSite(bool inMemory, bool live = false, bool unversionedIndex = false, bool preview = false, DateTimeOffset? now = null)
    {
        _unversionedIndex = unversionedIndex;
        _now = now ?? TestSite.Now;
        CacheDirectory = Path.Combine(_site.Root, "cache");
        Memory = inMemory ? new BuildCache(null) { TrustUnchangedFiles = true } : null;
        Live = live ? new LiveSession() : null;
        _preview = preview;
    }

    private readonly bool _preview;
    private readonly DateTimeOffset _now;
    private StaticBriefs.Output.OutputFolder? _held;

    public LiveSession? Live { get; }

    public TestSite Site => _site;
    public string CacheDirectory { get; }
    public BuildCache? Memory { get; }
    public string CleanDirectory => Path.Combine(_site.Root, "clean");

    public BuildOptions Options => _site.Options with
    {
        Now = _now,
        Minify = true,
        UseCache = true,
        CacheDirectory = CacheDirectory,
        Cache = Memory,
        Live = Live,
        VersionSearchIndex = !_unversionedIndex,
        CleanOutput = _preview,
    };

    /// <summary>Tells an in-memory cache which input files changed (a disk cache finds out by hashing).</summary>
    public void Changed(params string[] relativePaths) =>
        Memory?.MarkChanged(relativePaths.Select(p => Path.Combine(_site.InputDirectory, p)));

    public BuildResult Build()
    {
        if (!_preview) return SiteBuild.Run(Options);
        if (_held is null)
        {
            var opening = new StaticBriefs.Diagnostics.DiagnosticBag();
            _held = OutputAccess.Open(Options, null, opening, out _, withGate: true)
                ?? throw new Xunit.Sdk.XunitException("the output folder did not open:\n" + string.Join('\n', opening.Sorted()));
        }
        return SiteBuild.Run(Options, _held);
    }

    public BuildResult BuildOk()
    {
        var result = Build();
        Assert.False(result.HasErrors, "build failed:\n" + string.Join('\n', result.Diagnostics));
        return result;
    }

    /// <summary>Builds the same input from scratch, without any cache, into <see cref="CleanDirectory"/>.</summary>
    public void BuildClean()
    {
        var result = SiteBuild.Run(_site.Options with { Now = _now, Minify = true, OutputDirectory = CleanDirectory, VersionSearchIndex = !_unversionedIndex });
        Assert.False(result.HasErrors, "clean build failed:\n" + string.Join('\n', result.Diagnostics));
    }

    /// <summary>Asserts the incremental output equals the clean build: same folders, same files, same bytes, naming the first difference.</summary>
    public void AssertSameAsClean()
    {
        BuildClean();
        // Folders too: a deleted or renamed brief must not leave an empty folder behind.
        Assert.Equal(Folders(CleanDirectory), Folders(_site.OutputDirectory));
        var expected = TestSite.FilesUnder(CleanDirectory);
        var actual = TestSite.FilesUnder(_site.OutputDirectory);
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            var same = File.ReadAllBytes(Path.Combine(CleanDirectory, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(_site.OutputDirectory, file)));
            Assert.True(same, $"{file} differs from a clean build");
        }
    }

    private static List<string> Folders(string root) =>
        [.. Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(root, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(_site.InputDirectory, relativePath));

    public void Write(string relativePath, string content) => _site.Write(relativePath, content);

    public void Dispose()
    {
        _held?.Dispose();
        Live?.Dispose();
        _site.Dispose();
    }
}
