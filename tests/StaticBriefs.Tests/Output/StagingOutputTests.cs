using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

public sealed class StagingOutputTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string Out => _site.OutputDirectory;

    private string[] Siblings() =>
        [.. Directory.EnumerateFileSystemEntries(_site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private OutputFolder Open(DiagnosticBag? diagnostics = null)
    {
        // One bag for the open and the message: a fresh one for each lost the reason of a failed open.
        var found = diagnostics ?? new DiagnosticBag();
        return OutputFolder.Open(OutputTestSupport.Request(_site), found, out var refused)
            ?? throw new Xunit.Sdk.XunitException($"the output folder did not open (refused: {refused}):\n" + string.Join('\n', found.Sorted()));
    }

    private void Commit(params (string Path, string Text)[] files)
    {
        var diagnostics = new DiagnosticBag();
        using var folder = Open(diagnostics);
        using var staging = folder.CreateStaging(diagnostics)!;
        foreach (var (path, text) in files) staging.WriteText(path, text);
        Assert.True(folder.Commit(staging, null, diagnostics), string.Join('\n', diagnostics.Sorted()));
    }

    [Fact]
    public void Commit_replaces_the_files_it_wrote_and_its_stale_files_disappear()
    {
        Commit(("index.html", "old home"), ("stale/old.html", "old"));
        using (var folder = Open())
        {
            var diagnostics = new DiagnosticBag();
            using var staging = folder.CreateStaging(diagnostics)!;
            staging.WriteText("index.html", "new home");
            staging.WriteBytes("briefs/a/index.html", "a"u8);
            Assert.Equal("old home", _site.ReadOutput("index.html"));
            Assert.True(folder.Commit(staging, null, diagnostics));
            Assert.Equal(2, staging.FileCount);
        }

        Assert.Equal([OwnedFiles.FileName, "briefs/a/index.html", "index.html"], _site.OutputFiles());
        Assert.Equal("new home", _site.ReadOutput("index.html"));
        Assert.False(Directory.Exists(_site.OutputPath("stale")));
        Assert.Equal(["input", "output"], Siblings());
    }

    [Fact]
    public void Each_folder_is_made_once_parents_first_even_when_a_page_is_written_into_a_parent_later()
    {
        using var folder = Open();
        var diagnostics = new DiagnosticBag();
        using var staging = folder.CreateStaging(diagnostics)!;
        staging.WriteBytes("2025/04/13/post/index.html", "post"u8);
        staging.WriteBytes("2025/04/13/index.html", "day"u8);
        staging.WriteBytes("2025/index.html", "year"u8);
        staging.WriteBytes("2025/05/01/next/index.html", "next"u8);

        // 2025, 04, 13, post, 05, 01, next: seven folders, each asked for once (the parents of a deep page were made
        // by the system's call for it, unknown to the output, and asked for again when a page was written into them).
        Assert.Equal(7, staging.FoldersMade);
        Assert.True(folder.Commit(staging, null, diagnostics), string.Join('\n', diagnostics.Sorted()));
        Assert.Equal("day", _site.ReadOutput("2025/04/13/index.html"));
        Assert.Equal("next", _site.ReadOutput("2025/05/01/next/index.html"));
    }

    [Fact]
    public void A_file_written_from_a_builder_holds_the_bytes_of_its_text_with_a_pair_split_between_chunks()
    {
        // 15 letters fill the first chunk but one; the emoji's two halves land in two chunks.
        var built = new StringBuilder(16).Append('a', 15).Append("😀 é ");
        built.Append('b', 100);
        var chunks = 0;
        foreach (var _ in built.GetChunks()) chunks++;
        Assert.True(chunks > 1);
        var diagnostics = new DiagnosticBag();
        using (var folder = Open(diagnostics))
        {
            using var staging = folder.CreateStaging(diagnostics)!;
            staging.WriteText("page.html", built);
            Assert.True(folder.Commit(staging, null, diagnostics), string.Join('\n', diagnostics.Sorted()));
        }

        Assert.Equal(Encoding.UTF8.GetBytes(built.ToString()), File.ReadAllBytes(_site.OutputPath("page.html")));
    }

    [Fact]
    public void A_large_text_as_a_string_or_a_builder_holds_its_bytes_with_a_pair_split_between_chunks()
    {
        // Past the size where the buffer is counted rather than allowed three bytes a character, non-ASCII throughout.
        var built = new StringBuilder(16).Append('a', 15).Append("😀 é ");
        for (var i = 0; i < 20_000; i++) built.Append("<loc>ünï ").Append(i).Append("</loc>\n");
        var text = built.ToString();
        Assert.True(text.Length > 1 << 16);
        var diagnostics = new DiagnosticBag();
        using (var folder = Open(diagnostics))
        {
            using var staging = folder.CreateStaging(diagnostics)!;
            staging.WriteText("from-builder.xml", built);
            staging.WriteText("from-string.xml", text);
            Assert.True(folder.Commit(staging, null, diagnostics), string.Join('\n', diagnostics.Sorted()));
        }

        Assert.Equal(Encoding.UTF8.GetBytes(text), File.ReadAllBytes(_site.OutputPath("from-builder.xml")));
        Assert.Equal(Encoding.UTF8.GetBytes(text), File.ReadAllBytes(_site.OutputPath("from-string.xml")));
    }

    [Fact]
    public void Commit_creates_the_output_folder_when_there_was_none()
    {
        Commit(("robots.txt", "User-agent: *\n"));

        Assert.Equal("User-agent: *\n", _site.ReadOutput("robots.txt"));
        Assert.Equal("# StaticBriefs output manifest 1", File.ReadLines(_site.OutputPath(OwnedFiles.FileName)).First());
        Assert.Contains("robots.txt", File.ReadLines(_site.OutputPath(OwnedFiles.FileName)));
    }

    [Fact]
    public void Dispose_without_commit_leaves_the_output_untouched_and_removes_staging()
    {
        Commit(("index.html", "old home"));
        var before = OutputTestSupport.TreeHash(_site.Root);
        using (var folder = Open())
        {
            using var staging = folder.CreateStaging(new DiagnosticBag())!;
            staging.WriteText("index.html", "new home");
            Assert.True(Directory.Exists(staging.StagingDirectory));
        }

        Assert.Equal(before, OutputTestSupport.TreeHash(_site.Root));
        Assert.Equal(["input", "output"], Siblings());
    }

    [Fact]
    public void A_folder_the_build_created_and_never_filled_is_removed_again()
    {
        using (var folder = Open())
        {
            Assert.True(Directory.Exists(Out));
        }

        Assert.False(Directory.Exists(Out));
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("briefs/../../escape.html")]
    [InlineData("/etc/escape.html")]
    [InlineData(".staticbriefs-manifest")]
    [InlineData(".staticbriefs-commit")]
    public void Writing_outside_the_staging_folder_or_over_its_own_files_is_refused(string path)
    {
        using var folder = Open();
        using var staging = folder.CreateStaging(new DiagnosticBag())!;

        Assert.Throws<InvalidOperationException>(() => staging.WriteText(path, "x"));
        Assert.False(File.Exists(Path.Combine(_site.Root, "escape.html")));
    }

    [Theory]
    [InlineData("index.html", true)]
    [InlineData("briefs/2019/some-slug/index.html", true)]
    [InlineData("search/0a1b/docs/12.json", true)]
    [InlineData(".well-known/x", true)]
    [InlineData("a..b/c", true)]
    [InlineData("briefs/./a.html", false)]
    [InlineData("briefs//a.html", false)]
    [InlineData("briefs/../a.html", false)]
    [InlineData("..", false)]
    [InlineData(".", false)]
    [InlineData("/abs.html", false)]
    [InlineData("trailing/", false)]
    [InlineData("back\\slash.html", false)]
    [InlineData("", false)]
    public void A_plain_relative_path_is_one_that_normalising_leaves_as_it_is(string path, bool plain)
    {
        Assert.Equal(plain, StagingOutput.IsPlainRelative(path));
        if (!plain) return;
        // The shortcut joins the root and the path: exactly what Path.GetFullPath makes of them.
        var root = Path.GetFullPath(_site.Root);
        Assert.Equal(Path.GetFullPath(Path.Combine(root, path)), root + "/" + path);
    }

    [Fact]
    public void Paths_that_need_normalising_are_written_where_normalising_puts_them()
    {
        Commit(("briefs/./a//b.html", "x"), ("briefs/c/../d.html", "y"));

        Assert.Equal("x", File.ReadAllText(_site.OutputPath("briefs/a/b.html")));
        Assert.Equal("y", File.ReadAllText(_site.OutputPath("briefs/d.html")));
        Assert.False(StagingOutput.IsPlainRelative("nul\0.html"));
    }

    [Fact]
    public void Text_is_written_as_utf8_without_bom()
    {
        Commit(("a.txt", "Zoë"));

        Assert.Equal("Zo\u00EB"u8.ToArray(), File.ReadAllBytes(_site.OutputPath("a.txt")));
    }
}
