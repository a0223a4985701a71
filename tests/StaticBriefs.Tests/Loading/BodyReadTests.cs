using System.Text;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Loading;

/// <summary>A build without the cache keeps no brief's body from the load to the render: it reads it again then.</summary>
public sealed class BodyReadTests : IDisposable
{
    private readonly TestSite _site = new();

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le" };

    private static Encoding EncodingNamed(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(false),
        "utf-8-bom" => new UTF8Encoding(true),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Without_kept_bodies_a_brief_holds_no_text_and_reads_the_same_body_from_its_file(string encoding)
    {
        const string Body = "\nCafé — “Zürich” 🚀 hired a CFO.\r\n\r\n## What it means\n\nMore ünïcode.\n";
        WriteBrief("briefs/yaml.md", "---\ntitle: Café\ndate: 2024-05-14\n---\n" + Body, encoding);
        WriteBrief("briefs/toml.md", "+++\ntitle = \"T\"\ndate = 2024-05-15\n+++\n" + Body, encoding);
        WriteBrief("briefs/json.md", "{\"title\": \"J\", \"date\": \"2024-05-16\"}\n" + Body, encoding);
        var kept = SiteLoader.Load(_site.InputDirectory, new DiagnosticBag());
        var diagnostics = new DiagnosticBag();

        var later = SiteLoader.Load(_site.InputDirectory, diagnostics, keepBodies: false);

        Assert.Equal(3, later.Documents.Length);
        foreach (var document in later.Documents)
        {
            var same = Assert.Single(kept.Documents, d => d.RelativePath == document.RelativePath);
            Assert.True(same.BodySource.IsRead);
            Assert.False(document.BodySource.IsRead);
            Assert.Equal(same.BodySource.Hash, document.BodySource.Hash);
            Assert.Equal(same.Body, document.Body);
            Assert.EndsWith(Body, document.Body, StringComparison.Ordinal);
            // Read when asked, and still not kept.
            Assert.False(document.BodySource.IsRead);
            Assert.Equal(same.BodySource, document.BodySource);
        }
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void A_brief_saved_between_its_load_and_its_render_is_an_error_naming_it_never_a_page_of_two_versions()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-14", "Anthropic hired a CFO."));
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-05-15", "OpenAI hired a CTO."));
        _site.Write("briefs/c.md", TestSite.Brief("title: C\ndate: 2024-05-16", "Mistral hired a CEO."));
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(_site.InputDirectory, diagnostics, keepBodies: false);
        // Same length, other words; a longer body; new front matter above the same body (the body is still what was read).
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-14", "Anthropic fired a CFO."));
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-05-15", "OpenAI hired a CTO and a CFO."));
        _site.Write("briefs/c.md", TestSite.Brief("title: Changed\ndate: 2024-05-16", "Mistral hired a CEO."));

        var bodies = loaded.Documents.OrderBy(d => d.RelativePath, StringComparer.Ordinal).Select(d => d.Body).ToList();

        Assert.Equal(["", "", "\nMistral hired a CEO.\n"], bodies);
        var errors = diagnostics.Sorted().Select(d => d.ToString()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("briefs/a.md: error SB014: changed while the site was being built", errors[0], StringComparison.Ordinal);
        Assert.Contains("build again once it is saved", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("briefs/b.md: error SB014: changed while the site was being built", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brief_replaced_by_a_pipe_or_removed_before_its_render_is_an_error_and_nothing_waits_for_a_writer()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-14", "Anthropic hired a CFO."));
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-05-15", "OpenAI hired a CTO."));
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(_site.InputDirectory, diagnostics, keepBodies: false);
        var pipe = Path.Combine(_site.InputDirectory, "briefs", "a.md");
        File.Delete(pipe);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe)!) mkfifo.WaitForExit();
        _site.Delete("briefs/b.md");

        // Waiting on the pipe would time out here (TimeoutException) rather than hang the run.
        var bodies = await Task.Run(() => loaded.Documents.Select(d => d.Body).ToList()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["", ""], bodies);
        Assert.Equal(["briefs/a.md", "briefs/b.md"], diagnostics.Sorted().Where(d => d.Severity == Severity.Error).Select(d => d.File));
    }

    [Fact]
    public void A_build_without_the_cache_whose_brief_changes_before_its_page_is_made_fails_and_leaves_output_as_it_was()
    {
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-14", "Anthropic hired a CFO."));
        _site.Write("briefs/b.md", TestSite.Brief("title: B\ndate: 2024-05-15", "OpenAI hired a CTO."));
        _site.BuildOk(o => o with { UseCache = false });
        var before = _site.OutputFiles().ToDictionary(f => f, f => File.ReadAllBytes(_site.OutputPath(f)));
        _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-14", "Anthropic hired a new CFO."));
        var progress = new BuildProgress();
        // After the theme stage the documents are loaded and no page is made yet: the author saves a brief again.
        progress.StageFinished += timing =>
        {
            if (timing.Name == "theme") _site.Write("briefs/a.md", TestSite.Brief("title: A\ndate: 2024-05-14", "Anthropic hired two CFOs."));
        };

        var result = _site.Build(o => o with { UseCache = false, Progress = progress });

        Assert.False(result.Written);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("briefs/a.md", error.File);
        Assert.Contains("changed while the site was being built", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Keys, _site.OutputFiles());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(_site.OutputPath(file.Key))));
        // Saved and built again, the page is the new text.
        _site.BuildOk(o => o with { UseCache = false });
        Assert.Contains("two CFOs", _site.ReadOutput("briefs/a/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_kept_bodies_pages_stubs_and_listings_keep_their_bodies_whole_after_the_load_s_buffers_are_used_again()
    {
        // A UTF-8 file is decoded into a pooled buffer; a document that keeps its body must own a copy of it, or the
        // next file decoded into that buffer would show through.
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nThe desk covers moves in AI.\n");
        _site.Write("stub.md", "---\nsidebar: true\n---\n");
        _site.Write("index.md", "---\nlayout: home\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n");
        for (var i = 0; i < 40; i++)
            _site.Write($"briefs/b{i}.md", TestSite.Brief($"title: B{i}\ndate: 2024-05-{1 + (i % 28):D2}", string.Concat(Enumerable.Repeat($"Brief {i} says something different. ", 50))));
        var kept = SiteLoader.Load(_site.InputDirectory, new DiagnosticBag());

        var later = SiteLoader.Load(_site.InputDirectory, new DiagnosticBag(), keepBodies: false);
        // The same files again, as long but other letters: decoded into the buffers the first load gave back.
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nXXX XXXX XXXXXX XXXXX XX XX.\n");
        _site.Write("index.md", "---\nlayout: home\n---\n{% for item in site.posts %}{{ item.title }}{% endfor %}\n");
        for (var i = 0; i < 3; i++) SiteLoader.Load(_site.InputDirectory, new DiagnosticBag(), keepBodies: false);

        foreach (var document in later.Documents.Where(d => d.Kind != DocumentKind.Brief))
        {
            var same = Assert.Single(kept.Documents, d => d.RelativePath == document.RelativePath);
            Assert.Equal(same.Body, document.Body);
            Assert.Equal(same.BodySource.Hash, document.BodySource.Hash);
        }
        Assert.Contains(later.Documents, d => d.Kind == DocumentKind.Page && d.Body.Contains("moves in AI", StringComparison.Ordinal));
        Assert.Equal(kept.Documents.Select(d => (d.RelativePath, d.Kind)).Order(), later.Documents.Select(d => (d.RelativePath, d.Kind)).Order());
    }

    [Fact]
    public void Loading_a_utf8_brief_to_read_its_body_again_makes_no_string_of_the_file()
    {
        var body = string.Concat(Enumerable.Repeat("Acme hired a chief financial officer this week.\n\n", 4000));
        var path = Path.Combine(_site.InputDirectory, "briefs", "long.md");
        _site.Write("briefs/long.md", "---\ntitle: Long\ndate: 2024-05-14\n---\n" + body);
        var bytes = File.ReadAllBytes(path);
        var file = new StaticBriefs.FileSystem.TreeFile("briefs/long.md", path);
        var settings = new SiteSettings();
        SiteLoader.LoadForRereading(file, bytes, new DiagnosticBag(), settings);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (document, failed) = SiteLoader.LoadForRereading(file, bytes, new DiagnosticBag(), settings);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(failed);
        Assert.False(document!.BodySource.IsRead);
        Assert.Equal(BodyText.HashOf(body), document.BodySource.Hash);
        // The file as UTF-16 would be twice its bytes.
        Assert.InRange(allocated, 0, bytes.Length / 4);
        Assert.Equal(body, document.Body);
    }

    private void WriteBrief(string relative, string text, string encoding)
    {
        var path = Path.Combine(_site.InputDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, EncodingNamed(encoding));
    }

    public void Dispose() => _site.Dispose();
}
