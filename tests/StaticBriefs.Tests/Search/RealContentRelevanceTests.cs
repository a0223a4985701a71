using System.Text.Json;
using StaticBriefs.Tests.Shared;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// A dozen of the relevance harness's queries (tests/RealContent/queries.tsv), one or more of each kind, on two of the
/// real blogs built as sites, through search.js as it runs while typing: each must put its expected post first. The
/// full measurement, beside Pagefind, is the benchmark's <c>relevance</c> command; this guards against regressions.
/// </summary>
public sealed class RealContentRelevanceTests : IClassFixture<RealContentRelevanceTests.Sites>
{
    private readonly Sites _sites;

    public RealContentRelevanceTests(Sites sites) => _sites = sites;

    public static TheoryData<string> Queries() =>
    [
        "one year of rust",                           // known item: common words, sibling anniversary posts
        "rust compiler performance survey results",   // known item: a long post whose title is the query
        "abstarction without overhead",               // typo: a swap of neighbours
        "rustdecmial malicious crate",                // typo in a rare word
        "one year of ru",                             // prefix: "ru" completes to rust, rustup, run...
        "malicious crates fin",                       // prefix: "fin" completes to finch, final, find...
        "rustup 1.27.0",                              // version: 1.27.1 and Rust 1.27 are one digit away
        "rust 1.27.1",
        "static linking dns resolver musl",           // topical
        "homebrew and workbew",                       // typo: a dropped letter
        "homebrew 4.0.0",                             // version: every later post says "since 4.0.0"
        "summer 2024 hack",                           // prefix
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_expected_post_comes_first(string query)
    {
        var line = _sites.Lines.Single(l => l[2] == query);
        var (directory, urls) = _sites.Built[line[0]];
        using var result = JsSearchRunner.Run(directory, [new { q = query, typing = true }]);

        var paths = result.RootElement[0].GetProperty("paths").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.True(paths.Count > 0 && paths[0] == urls[line[3]],
            $"'{query}' ({line[1]}): expected {urls[line[3]]}, got {string.Join(", ", paths.Take(3))}");
    }

    /// <summary>The Rust and Homebrew blogs, adapted and built once for the class.</summary>
    public sealed class Sites : IDisposable
    {
        private readonly List<TestSite> _sites = [];

        public Sites()
        {
            var content = Path.Combine(RepoPaths.Root, "tests", "RealContent");
            Lines = [.. File.ReadLines(Path.Combine(content, "queries.tsv")).Skip(1).Select(l => l.Split('\t'))];
            foreach (var blog in (string[])["zola-rust-blog", "jekyll-homebrew-blog"])
            {
                var site = new TestSite();
                _sites.Add(site);
                var adapted = RealBlogAdapter.Adapt(Path.Combine(content, blog), site.InputDirectory);
                site.BuildOk(o => o with { IncludeFuture = true });
                Built[blog] = (site.OutputDirectory, adapted.UrlBySource);
            }
        }

        public List<string[]> Lines { get; }

        public Dictionary<string, (string Directory, IReadOnlyDictionary<string, string> Urls)> Built { get; } = [];

        public void Dispose()
        {
            foreach (var site in _sites) site.Dispose();
        }
    }
}
