using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Feeds;

public sealed class HostHeadersTests
{
    [Fact]
    public void Only_fingerprinted_assets_and_the_versioned_index_are_immutable()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.Write("_theme/assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

        site.BuildOk();

        var rules = HostHeaders.Parse(site.ReadOutput("_headers"));
        var immutable = rules.Where(r => r.Headers.Contains(KeyValuePair.Create("Cache-Control", HostHeaders.Immutable))).Select(r => r.Path).ToList();
        var fingerprinted = site.OutputFiles().Where(f => f.StartsWith("assets/", StringComparison.Ordinal) && (f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal)));
        foreach (var file in fingerprinted)
        {
            Assert.Matches(@"\.[0-9a-f]{8}\.(css|js)$", file);
            Assert.Contains("/" + file, immutable);
        }
        var searchRule = Assert.Single(immutable, p => p.StartsWith("/search/", StringComparison.Ordinal));
        Assert.Matches("^/search/[0-9a-f]{12}/\\*$", searchRule);
        Assert.Contains(site.OutputFiles(), f => f.StartsWith(searchRule[1..^1], StringComparison.Ordinal));
        Assert.Equal(HostHeaders.Revalidate, rules.Single(r => r.Path == "/assets/img/logo.svg").Headers.Single().Value);
        Assert.Equal(HostHeaders.Revalidate, rules.Single(r => r.Path == "/search/meta.json").Headers.Single().Value);
        // No catch-all rule: hosts join overlapping rules' values, which would contradict the immutable ones.
        Assert.DoesNotContain(rules, r => r.Path.EndsWith("/*", StringComparison.Ordinal) && !r.Path.StartsWith("/search/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_authors_headers_are_merged_and_win_where_both_name_one_header_for_one_path()
    {
        var generated = HostHeaders.Generate(new PublishedAssets(["/assets/css/site.0123abcd.css"], []), "abcdef012345/");
        const string author = """
            # my rules
            /search/meta.json
              Cache-Control: no-store
              X-Robots-Tag: noindex
            /*
              X-Frame-Options: DENY
            """;

        var rules = HostHeaders.Parse(HostHeaders.Merge(generated, author));

        Assert.Equal(["/assets/css/site.0123abcd.css", "/search/meta.json", "/search/abcdef012345/*", "/*"], rules.Select(r => r.Path));
        Assert.Equal(
            [KeyValuePair.Create("Cache-Control", "no-store"), KeyValuePair.Create("X-Robots-Tag", "noindex")],
            rules[1].Headers);
        Assert.Equal(HostHeaders.Immutable, rules[0].Headers.Single().Value);
        Assert.Equal([KeyValuePair.Create("X-Frame-Options", "DENY")], rules[3].Headers);
    }

    [Fact]
    public void A_site_with_its_own_headers_file_gets_it_merged_into_the_published_one()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        site.Write("_headers", "/feed.xml\n  Cache-Control: public, max-age=600\n");

        site.BuildOk();

        var text = site.ReadOutput("_headers");
        Assert.Contains("/feed.xml\n  Cache-Control: public, max-age=600\n", text, StringComparison.Ordinal);
        Assert.Contains("/search/meta.json\n", text, StringComparison.Ordinal);
    }
}
