using static StaticBriefs.Tests.Hostile.HostileSite;

namespace StaticBriefs.Tests.Hostile;

/// <summary>A site's own <c>_theme/</c> that forgets to escape or loops forever, and markdown nested past reason.</summary>
internal static class TemplateAndMarkdownCases
{
    private const string Evil = "<script>alert(1)</script>";

    private static void WriteEvilBrief(HostileSite site) =>
        site.Write("briefs/evil.md", Brief($"title: \"T {Evil}\"\ndate: 2024-03-01\nsummary: \"S {Evil}\"\nmood: \"<img src=x onerror=alert(2)>\""));

    public static IEnumerable<HostileCase> All() =>
    [
        new("template/override-forgets-to-escape", s =>
        {
            WriteEvilBrief(s);
            s.Write("_theme/layouts/brief.sbn",
                "<h1>{{ brief.card.title }}</h1>\n<p>{{ brief.card.summary }}</p>\n<p>{{ brief.extra.mood }}</p>\n" +
                "<p title=\"{{ page.title }}\">{{ page.description }}</p>\n{{ capture x }}<b>{{ brief.card.title }}</b>{{ end }}{{ x }}\n<div>{{ brief.content }}</div>\n");
        }, 0)
        {
            Then = (s, _) =>
            {
                var html = File.ReadAllText(Path.Combine(s.Output, "briefs/evil/index.html"));
                Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
                var dom = Support.TestSite.Parse(html);
                Assert.Empty(dom.QuerySelectorAll("[onerror]"));
                Assert.Equal($"T {Evil}", dom.QuerySelector("main h1")!.TextContent);
                Assert.Equal($"T {Evil}", dom.QuerySelector("main b")!.TextContent);
                Assert.Equal($"T {Evil}", dom.QuerySelector("main p[title]")!.GetAttribute("title"));
                Assert.Equal("Body text.", dom.QuerySelector("main div p")!.TextContent);
            },
        },
        new("template/override-syntax-error", s => s.Write("_theme/layouts/page.sbn", "<h1>{{ doc.title </h1>\n"), 1,
            "_theme/layouts/page.sbn:1:"),
        new("template/override-missing-include", s => s.Write("_theme/layouts/page.sbn", "{{ include \"partials/nowhere.sbn\" }}\n"), 1,
            "_theme/layouts/page.sbn:1:4: error SB009"),
        new("template/override-includes-itself", s =>
        {
            s.Write("_theme/layouts/partials/loop.sbn", "x{{ include \"partials/loop.sbn\" }}");
            s.Write("_theme/layouts/page.sbn", "{{ include \"partials/loop.sbn\" }}\n");
        }, 1, "_theme/layouts/partials/loop.sbn:1:"),
        new("template/override-endless-loop", s => s.Write("_theme/layouts/page.sbn", "{{ for i in 1..2000000000 }}{{ i }}{{ end }}\n"), 1,
            "_theme/layouts/page.sbn:1:"),
        new("template/override-invalid-utf8", s => s.WriteBytes("_theme/layouts/page.sbn", [.. "<h1>"u8, 0xFF, .. "</h1>\n"u8]), 1,
            "_theme/layouts/page.sbn:1:5: error SB034"),
        new("template/override-endless-recursion", s => s.Write("_theme/layouts/page.sbn", "{{ func f }}{{ f }}{{ end }}{{ f }}\n"), 1,
            "_theme/layouts/page.sbn:1:"),

        new("markdown/deep-quotes", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", "Intro.\n\n" + new string('>', 10_000) + " deep\n")), 1,
            "briefs/x.md:8: error SB039"),
        new("markdown/deep-lists", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", string.Concat(Enumerable.Repeat("- ", 5_000)) + "x\n")), 1,
            "briefs/x.md:6: error SB039"),
        new("markdown/deep-emphasis", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", "a\n\n" + new string('*', 3_000) + "x" + new string('*', 3_000) + "\n")), 1,
            "briefs/x.md:8: error SB039"),
        new("markdown/deep-in-a-page", s => s.Write("about.md", "---\ntitle: About\nlayout: page\n---\n" + string.Concat(Enumerable.Repeat("> - ", 3_000)) + "x\n"), 1,
            "about.md:5: error SB039"),
    ];
}
