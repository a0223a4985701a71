using System.Text;
using static StaticBriefs.Tests.Hostile.HostileSite;

namespace StaticBriefs.Tests.Hostile;

/// <summary>Hostile encodings and file systems: bytes that are not text, links, pipes, devices, names, long paths.</summary>
internal static class FileSystemCases
{
    private static byte[] Brief(byte[] inTitle) =>
        [.. "---\ntitle: A"u8, .. inTitle, .. "\ndate: 2024-03-01\n---\nBody\n"u8];

    public static IEnumerable<HostileCase> All() =>
    [
        new("encoding/invalid-utf8-in-brief", s => s.WriteBytes("briefs/x.md", Brief([0xC3, 0x28])), 1,
            "briefs/x.md:2:9: error SB034"),
        new("encoding/overlong-nul", s => s.WriteBytes("briefs/x.md", Brief([0xC0, 0x80])), 1,
            "briefs/x.md:2:9: error SB034"),
        new("encoding/utf8-encoded-surrogate", s => s.WriteBytes("briefs/x.md", Brief([0xED, 0xA0, 0x80])), 1,
            "briefs/x.md:2:9: error SB034"),
        new("encoding/truncated-at-end", s => s.WriteBytes("briefs/x.md", [.. "---\ntitle: A\ndate: 2024-03-01\n---\nBody "u8, 0xE2, 0x82]), 1,
            "briefs/x.md:5:6: error SB034"),
        new("encoding/utf16-unpaired-surrogate", s => s.WriteBytes("briefs/x.md",
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("---\ntitle: A"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("\ndate: 2024-03-01\n---\nx\n")]), 1,
            "briefs/x.md:2:"),
        new("encoding/binary-file-named-md", s => s.WriteBytes("briefs/x.md", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251 + 3))]), 1,
            "briefs/x.md:1:"),
        new("encoding/invalid-utf8-in-data", s => s.WriteBytes("_data/companies.yml", [.. "- name: A\n- name: B"u8, 0xFF, .. "\n"u8]), 1,
            "_data/companies.yml:2:10: error SB034"),
        new("encoding/invalid-utf8-in-settings", s => s.WriteBytes("_site.yml", [.. "title: T"u8, 0x80, .. "\n"u8]), 1,
            "_site.yml:1:9: error SB034"),
        new("encoding/bom-is-fine", s => s.WriteBytes("briefs/x.md", [0xEF, 0xBB, 0xBF, .. Brief("é"u8.ToArray())]), 0),

        new("links/environ", s => s.Link("env.txt", "/proc/self/environ"), 0,
            "env.txt: warning SB030")
        {
            Then = (s, _) => Assert.False(File.Exists(Path.Combine(s.Output, "env.txt"))),
        },
        new("links/passwd-as-brief", s => s.Link("briefs/passwd.md", "/etc/passwd"), 0,
            "briefs/passwd.md: warning SB030"),
        new("links/outside-folder", s => s.Link("stuff", "../outside"), 0,
            "stuff: warning SB030")
        {
            Then = (s, _) => Assert.False(Directory.Exists(Path.Combine(s.Output, "stuff"))),
        },
        new("links/device-outside", s => s.Link("briefs/zero.md", "/dev/zero"), 0,
            "briefs/zero.md: warning SB030"),
        new("links/inside-is-followed", s => s.Link("images/alias.png", "logo.png"), 0)
        {
            Then = (s, _) => Assert.Equal(File.ReadAllBytes(Path.Combine(s.Input, "images/logo.png")), File.ReadAllBytes(Path.Combine(s.Output, "images/alias.png"))),
        },
        new("links/dangling", s => s.Link("briefs/gone.md", "missing.md"), 1,
            "briefs/gone.md: error SB033"),
        new("links/loop", s => s.Link("briefs/a.md", "b.md").Link("briefs/b.md", "a.md"), 1,
            "briefs/a.md: error SB033", "briefs/b.md: error SB033"),
        new("links/folder-loop", s => s.Link("briefs/again", ".."), 0,
            "briefs/again: warning SB032"),
        new("links/data-folder-outside", s =>
        {
            Directory.Delete(Path.Combine(s.Input, "_data"), recursive: true);
            s.Link("_data", "../outside");
        }, 0, "_data/companies.yml: warning SB030")
        {
            Then = (s, _) => Assert.DoesNotContain("Outsider", File.ReadAllText(Path.Combine(s.Output, "companies/index.html")), StringComparison.Ordinal),
        },
        new("links/settings-outside", s =>
        {
            File.Delete(Path.Combine(s.Input, "_site.yml"));
            s.Link("_site.yml", "../outside/secret.txt");
        }, 0, "_site.yml: warning SB030"),
        new("links/dangling-settings", s =>
        {
            File.Delete(Path.Combine(s.Input, "_site.yml"));
            s.Link("_site.yml", "nowhere.yml");
        }, 1, "_site.yml: error SB033"),
        new("special/fifo-given-as-config", s => s.Fifo("../outside/settings.yml"), 1,
            "{root}/outside/settings.yml: warning SB031", "{root}/outside/settings.yml: error SB008") { Args = ["--config", "{root}/outside/settings.yml"] },
        new("links/theme-override-outside", s => s.Link("_theme/layouts/page.sbn", "/etc/passwd"), 0,
            "_theme/layouts/page.sbn: warning SB030"),

        new("special/fifo-brief", s => s.Fifo("briefs/pipe.md"), 0,
            "briefs/pipe.md: warning SB031"),
        new("special/fifo-settings", s =>
        {
            File.Delete(Path.Combine(s.Input, "_site.yml"));
            s.Fifo("_site.yml");
        }, 0, "_site.yml: warning SB031"),
        new("special/fifo-data", s =>
        {
            File.Delete(Path.Combine(s.Input, "_data/companies.yml"));
            s.Fifo("_data/companies.yml");
        }, 0, "_data/companies.yml: warning SB031"),
        new("special/fifo-in-theme", s => s.Fifo("_theme/layouts/brief.sbn"), 0,
            "_theme/layouts/brief.sbn: warning SB031"),
        new("special/socket", s => s.Socket("briefs/s.md"), 0,
            "briefs/s.md: warning SB031"),
        new("special/device", s => s.Device("briefs/null.md"), 0,
            "briefs/null.md: warning SB031"),

        new("files/unreadable-brief", s => s.Write("briefs/locked.md", HostileSite.Brief("title: L\ndate: 2024-01-01")).Lock("briefs/locked.md"), 1,
            "briefs/locked.md: error SB014") { Unprivileged = true },
        new("files/unreadable-static", s => s.Lock("images/logo.png"), 1,
            "images/logo.png: error SB014") { Unprivileged = true },
        new("files/unreadable-folder", s => s.Write("private/a.txt", "a").Lock("private"), 1,
            "private: error SB014") { Unprivileged = true },
        new("files/name-not-utf8", s => s.BadlyNamedFile("briefs", "bad", ".md"), 1,
            "briefs/bad?.md: error SB035"),
        new("files/path-too-long", s => s.DeepFolders("deep", 22), 1,
            "deep/" + string.Join('/', Enumerable.Repeat(new string('d', 200), 21)) + ": error SB036"),
        new("files/too-big", s =>
        {
            using var stream = File.Create(Path.Combine(s.Input, "briefs", "huge.md"));
            stream.SetLength(17L * 1024 * 1024);
        }, 1, "briefs/huge.md: error SB045"),
        new("files/every-problem-in-one-run", s =>
        {
            s.Link("briefs/gone.md", "missing.md");
            s.WriteBytes("briefs/bad.md", Brief([0xFF]));
            s.Fifo("briefs/pipe.md");
            s.BadlyNamedFile("briefs", "name", ".md");
            s.Write("briefs/self.md", HostileSite.Brief("title: S\ndate: 2024-01-01\nx: &a [*a]"));
        }, 1, "briefs/bad.md:2:9: error SB034", "briefs/gone.md: error SB033", "briefs/name?.md: error SB035",
            "briefs/pipe.md: warning SB031", "briefs/self.md:4:8: error SB037"),

        new("host-files/published", s =>
        {
            s.Write("_headers", "/*\n  X-Frame-Options: DENY\n");
            s.Write("_redirects", "/old /new 301\n");
            s.Write(".nojekyll", "");
            s.Write("CNAME", "briefs.example.org\n");
            s.Write(".well-known/security.txt", "Contact: mailto:security@example.org\n");
            s.Write("_private.txt", "not published");
            s.Write(".env", "TOKEN=not-published");
        }, 0)
        {
            Then = (s, _) =>
            {
                foreach (var file in new[] { "_redirects", ".nojekyll", "CNAME", ".well-known/security.txt" })
                    Assert.Equal(File.ReadAllBytes(Path.Combine(s.Input, file)), File.ReadAllBytes(Path.Combine(s.Output, file)));
                // _headers is merged with the cache rules the build generates: the author's rule is kept as written.
                Assert.Contains("/*\n  X-Frame-Options: DENY\n", File.ReadAllText(Path.Combine(s.Output, "_headers")), StringComparison.Ordinal);
                Assert.False(File.Exists(Path.Combine(s.Output, "_private.txt")));
                Assert.False(File.Exists(Path.Combine(s.Output, ".env")));
            },
        },
    ];
}
