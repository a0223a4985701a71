using static StaticBriefs.Tests.Hostile.HostileSite;

namespace StaticBriefs.Tests.Hostile;

/// <summary>Hostile front matter, YAML in briefs, <c>_data/*.yml</c> and <c>_site.yml</c>.</summary>
internal static class FrontMatterAndYamlCases
{
    private const string Head = "title: Hostile\ndate: 2024-03-01\n";

    /// <summary>An alias bomb: nine levels, each nine aliases of the one before (9^9 values from a few hundred bytes).</summary>
    public static string Bomb()
    {
        var lines = new List<string> { "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]" };
        var previous = 'a';
        foreach (var name in "bcdefghi")
        {
            lines.Add($"{name}: &{name} [{string.Join(',', Enumerable.Repeat("*" + previous, 9))}]");
            previous = name;
        }
        return string.Join('\n', lines);
    }

    public static IEnumerable<HostileCase> All() =>
    [
        new("front-matter/unclosed", s => s.Write("briefs/x.md", "---\ntitle: x\ndate: 2024-01-01\nbody without a fence\n"), 1,
            "briefs/x.md:1:1: error SB010"),
        new("front-matter/invalid-yaml", s => s.Write("briefs/x.md", Brief(Head + "summary: a: b")), 1,
            "briefs/x.md:4:11: error SB001"),
        new("front-matter/not-a-mapping", s => s.Write("briefs/x.md", "---\n- a\n- b\n---\nbody\n"), 1,
            "briefs/x.md:2:1: error SB001"),
        new("front-matter/list-as-title", s => s.Write("briefs/x.md", Brief("title: [a, b]\ndate: 2024-01-01")), 1,
            "briefs/x.md:2:8: error SB004"),
        new("front-matter/mapping-as-date", s => s.Write("briefs/x.md", Brief("title: x\ndate: {year: 2024}")), 1,
            "briefs/x.md:3:7: error SB004"),
        new("front-matter/impossible-date", s => s.Write("briefs/x.md", Brief("title: x\ndate: 2024-13-45")), 1,
            "briefs/x.md:3:7: error SB003"),
        new("front-matter/slug-with-path", s => s.Write("briefs/x.md", Brief(Head + "slug: ../../etc/passwd")), 1,
            "briefs/x.md:4:7: error SB004"),
        // Jekyll (Ruby's YAML) and Hugo keep the last value of a key written twice: a warning, as they build it.
        new("front-matter/duplicate-key", s => s.Write("briefs/x.md", Brief(Head + "title: again")), 0,
            "briefs/x.md:4:1: warning SB082"),
        new("front-matter/mapping-in-tag-list", s => s.Write("briefs/x.md", Brief(Head + "companies: [{a: 1}]")), 1,
            "briefs/x.md:4:13: error SB004"),
        // A layout value is never a path: an unknown one is read as a brief, with one warning for the site.
        new("front-matter/unknown-layout", s => s.Write("briefs/x.md", Brief(Head + "layout: ../../evil")), 0,
            "briefs/x.md:4:9: warning SB080"),
        new("front-matter/control-characters", s => s.Write("briefs/x.md", Brief("title: \"Clear\\e[2J\\0 screen\"\ndate: 2024-03-01")), 0,
            "briefs/x.md:2:8: warning SB046")
        {
            Then = (s, _) => Assert.Contains("<h1>Clear[2J screen</h1>", File.ReadAllText(Path.Combine(s.Output, "briefs/x/index.html")), StringComparison.Ordinal),
        },
        new("front-matter/5000-topics", s => s.Write("briefs/x.md", Brief(Head + "topics: [" + string.Join(", ", Enumerable.Range(0, 5000).Select(i => "t" + i)) + "]")), 0,
            "briefs/x.md:4:250: warning SB040")
        {
            Then = (s, _) =>
            {
                var topicPages = Directory.GetDirectories(Path.Combine(s.Output, "topics")).Length;
                Assert.Equal(50, topicPages);
                var bytes = Directory.EnumerateFiles(s.Output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                Assert.True(bytes < 20 * 1024 * 1024, $"output is {bytes:N0} bytes");
            },
        },
        new("front-matter/huge-title", s => s.Write("briefs/x.md", Brief("title: " + new string('t', 100_000) + "\ndate: 2024-03-01")), 0,
            "briefs/x.md:2:8: warning SB040")
        {
            Then = (s, _) => Assert.True(new FileInfo(Path.Combine(s.Output, "index.html")).Length < 100_000),
        },
        new("front-matter/long-slug", s => s.Write("briefs/x.md", Brief(Head + "slug: " + string.Join('-', Enumerable.Repeat("word", 100)))), 0,
            "briefs/x.md:4:7: warning SB040"),

        new("yaml/self-alias", s => s.Write("briefs/x.md", Brief(Head + "x: &a [*a]")), 1,
            "briefs/x.md:4:8: error SB037"),
        new("yaml/alias-bomb", s => s.Write("briefs/x.md", Brief(Head + Bomb())), 1,
            "briefs/x.md:9:8: error SB037"),
        new("yaml/deep-flow", s => s.Write("briefs/x.md", Brief(Head + "x: " + new string('[', 100_000) + new string(']', 100_000))), 1,
            "briefs/x.md:4:35: error SB037"),
        new("yaml/deep-block", s => s.Write("briefs/x.md", Brief(Head + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 80) + "v")), 1,
            "briefs/x.md:36:65: error SB037"),
        new("yaml/complex-key-inside-unknown-key", s => s.Write("briefs/x.md", Brief(Head + "extra:\n  ? [a, b]\n  : c")), 1,
            "briefs/x.md:5:5: error SB038"),
        new("yaml/complex-key-at-top", s => s.Write("briefs/x.md", Brief(Head + "? {a: 1}\n: c")), 1,
            "briefs/x.md:4:3: error SB038"),
        new("yaml/alias-to-a-list-as-key", s => s.Write("briefs/x.md", Brief(Head + "k: &k [1]\n*k : v")), 1,
            "briefs/x.md:5:1: error SB038"),
        new("yaml/undefined-alias", s => s.Write("briefs/x.md", Brief(Head + "summary: *nowhere")), 1,
            "briefs/x.md:4:10: error SB001"),
        new("yaml/data-self-alias", s => s.Write("_data/companies.yml", "- name: A\n  aliases: &x [*x]\n"), 1,
            "_data/companies.yml:2:16: error SB037"),
        new("yaml/data-bomb", s => s.Write("_data/people.yml", Bomb() + "\n"), 1,
            "_data/people.yml:6:8: error SB037"),
        new("yaml/data-complex-key", s => s.Write("_data/topics.yml", "- name: A\n  ? [x]\n  : y\n"), 1,
            "_data/topics.yml:2:5: error SB038"),
        new("yaml/data-not-a-list", s => s.Write("_data/companies.yml", "name: A\n"), 1,
            "_data/companies.yml:1: error SB011"),
        new("yaml/data-website-list", s => s.Write("_data/companies.yml", "- name: A\n  website: [a, b]\n"), 1,
            "_data/companies.yml:2:12: error SB011"),
        new("yaml/site-bomb", s => s.Write("_site.yml", "title: T\n" + Bomb() + "\n"), 1,
            "_site.yml:7:8: error SB037"),
        new("yaml/site-deep", s => s.Write("_site.yml", "title: " + new string('[', 5000) + "\n"), 1,
            "_site.yml:1:39: error SB037"),
        new("yaml/site-mapping-as-key", s => s.Write("_site.yml", "title: {{a: b}: c}\n"), 1,
            "_site.yml:1:9: error SB038"),
        new("yaml/site-not-a-mapping", s => s.Write("_site.yml", "- title\n- x\n"), 1,
            "_site.yml:1:1: error SB008"),
    ];
}
