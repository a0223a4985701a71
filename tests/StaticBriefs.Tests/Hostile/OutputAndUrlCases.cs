using StaticBriefs.Tests.Support;
using static StaticBriefs.Tests.Hostile.HostileSite;

namespace StaticBriefs.Tests.Hostile;

/// <summary>Files that would replace generated ones, entities that claim one name, and URLs that would run script.</summary>
internal static class OutputAndUrlCases
{
    private static readonly string[] Script = ["javascript:", "vbscript:", "data:text"];

    private static void NoScriptUrls(HostileSite site, CliRun run)
    {
        _ = run;
        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var dom = Support.TestSite.Parse(File.ReadAllText(file));
            foreach (var element in dom.QuerySelectorAll("[href], [src], [srcset], [action], [formaction], [poster]"))
            {
                foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "srcset" or "action" or "formaction" or "poster"))
                {
                    var value = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
                    Assert.DoesNotContain(Script, value.StartsWith);
                }
            }
        }
    }

    private static HostileCase Static(string path) =>
        new("collision/static-" + path.Replace('/', '-'), s => s.Write(path, "mine"), 1, path + ": error SB041");

    public static IEnumerable<HostileCase> All() =>
    [
        Static("feed.xml"),
        Static("index.html"),
        Static("sitemap.xml"),
        Static("robots.txt"),
        Static("404.html"),
        Static("search/meta.json"),
        Static("companies/openai/feed.xml"),
        Static("briefs/first/index.html"),
        new("collision/static-where-a-folder-goes", s => s.Write("companies", "a file named like a folder"), 1, "companies: error SB041"),
        new("collision/theme-asset", s =>
        {
            var css = Directory.GetFiles(Path.Combine(s.Output, "assets", "css"), "site.*.css").Single();
            s.Write("assets/css/" + Path.GetFileName(css), "body { display: none }");
        }, 1, "assets/css/site."),
        new("collision/page-at-company", s => s.Write("companies/anthropic.md", "---\ntitle: Mine\nlayout: page\n---\nHi\n"), 1,
            "companies/anthropic.md:2:1: error SB041")
        {
            Then = (_, run) => Assert.Contains("briefs/2024/second.md", run.Stderr, StringComparison.Ordinal),
        },
        new("collision/page-at-archive-year", s => s.Write("archive/2024.md", "---\ntitle: Mine\nlayout: page\n---\nHi\n"), 1,
            "archive/2024.md:2:1: error SB041"),
        new("collision/page-at-brief", s => s.Write("briefs/first.md", "---\ntitle: Mine\nlayout: page\n---\nHi\n"), 1,
            "briefs/first.md:2:1: error SB005")
        {
            Then = (_, run) => Assert.Contains("briefs/2024/first.md", run.Stderr, StringComparison.Ordinal),
        },
        new("collision/at-most-five-names", s =>
        {
            for (var i = 0; i < 8; i++) s.Write($"briefs/many/b{i}.md", Brief($"title: B{i}\ndate: 2024-04-0{i + 1}\ntopics: [Crowded]"));
            s.Write("topics/crowded.md", "---\ntitle: Mine\nlayout: page\n---\nHi\n");
        }, 1, "topics/crowded.md:2:1: error SB041")
        {
            Then = (_, run) => Assert.Contains("b4.md and 3 more", run.Stderr, StringComparison.Ordinal),
        },
        new("entities/alias-claims-another-name", s => s.Write("_data/companies.yml",
            "- name: OpenAI\n- name: Anthropic\n  aliases: [Claude, OpenAI]\n"), 1,
            "_data/companies.yml:3:21: error SB042"),
        new("entities/defined-twice", s => s.Write("_data/people.yml", "- name: Ada Lovelace\n- name: Ada Lovelace\n"), 1,
            "_data/people.yml:2:3: error SB042"),
        new("entities/same-after-folding", s => s.Write("_data/companies.yml", "- name: OpenAI\n- name: Open-AI\n"), 1,
            "_data/companies.yml:2:3: error SB042"),

        new("urls/website-javascript", s => s.Write("_data/companies.yml", "- name: OpenAI\n  website: \"javascript:alert(1)\"\n"), 0,
            "_data/companies.yml:2:12: warning SB043") { Then = NoScriptUrls },
        new("urls/website-tab-in-scheme", s => s.Write("_data/companies.yml", "- name: OpenAI\n  website: \"java\\tscript:alert(1)\"\n"), 0,
            "_data/companies.yml:2:12: warning SB043") { Then = NoScriptUrls },
        new("urls/website-data", s => s.Write("_data/companies.yml", "- name: OpenAI\n  website: \"data:text/html,<script>alert(1)</script>\"\n"), 0,
            "_data/companies.yml:2:12: warning SB043") { Then = NoScriptUrls },
        new("urls/source-character-reference", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01\nsources:\n  - \"&#106;avascript:alert(1)\"")), 0,
            "briefs/x.md:5:5: warning SB043") { Then = NoScriptUrls },
        new("urls/source-mixed-case-and-spaces", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01\nsources: [\" JaVa Script:alert(1)\"]")), 0,
            "briefs/x.md:4:11: warning SB043") { Then = NoScriptUrls },
        new("urls/body-link-entity-tab", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", "Click [me](java&#x09;script:alert(1)).")), 0,
            "briefs/x.md:6:7: warning SB043") { Then = NoScriptUrls },
        new("urls/body-image-vbscript", s => s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", "![x](VBScript:msgbox(1))")), 0,
            "briefs/x.md:6:1: warning SB043") { Then = NoScriptUrls },
        new("urls/raw-html-href", s =>
        {
            s.Write("_site.yml", "title: Hostile\nbase_url: https://example.org/\nallow_html: true\n");
            s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", "<p>Hi <a href=\"javascript:alert(1)\">there</a></p>"));
        }, 0, "briefs/x.md:6:10: warning SB043") { Then = NoScriptUrls },
        new("urls/raw-html-tricks", s =>
        {
            s.Write("_site.yml", "title: Hostile\nbase_url: https://example.org/\nallow_html: true\n");
            s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01",
                "<div>\n<img/src=&#106;avascript:alert(1)>\n<a HREF='  data:text/html,x'>a</a>\n<img srcset=\"ok.png 1x, javascript:alert(1) 2x\">\n</div>"));
        }, 0, "briefs/x.md:7:6: warning SB043", "briefs/x.md:8:4: warning SB043", "briefs/x.md:9:6: warning SB043") { Then = NoScriptUrls },
        new("urls/generic-attribute", s =>
        {
            s.Write("_site.yml", "title: Hostile\nbase_url: https://example.org/\nallow_html: true\n");
            s.Write("briefs/x.md", Brief("title: X\ndate: 2024-03-01", "# Heading {href=\"javascript:alert(1)\"}"));
        }, 0, "briefs/x.md:6:1: warning SB043") { Then = NoScriptUrls },
        new("urls/base-url-script", s => s.Write("_site.yml", "title: T\nbase_url: \"javascript:alert(1)//\"\n"), 1,
            "_site.yml:2:11: error SB008"),
        new("urls/base-url-option", _ => { }, 1, "--base-url: error SB008") { Args = ["--base-url", "java\tscript:alert(1)"] },
    ];
}
