using StaticBriefs.Output;

namespace StaticBriefs.Tests.Output;

public sealed class OutputTreeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sb-tree-" + Guid.NewGuid().ToString("N")[..12]);

    public OutputTreeTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "tree", "sub"));
        Directory.CreateDirectory(Path.Combine(_root, "target"));
        File.WriteAllText(Path.Combine(_root, "target", "keep.txt"), "keep");
        File.WriteAllText(Path.Combine(_root, "tree", "sub", "page.html"), "page");
        File.CreateSymbolicLink(Path.Combine(_root, "tree", "sub", "folder-link"), Path.Combine(_root, "target"));
        File.CreateSymbolicLink(Path.Combine(_root, "tree", "file-link"), Path.Combine(_root, "target", "keep.txt"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Files_lists_links_as_entries_and_never_enters_them()
    {
        var files = OutputTree.Files(Path.Combine(_root, "tree")).Order(StringComparer.Ordinal);

        Assert.Equal(["file-link", "sub/folder-link", "sub/page.html"], files);
    }

    [Fact]
    public void Kinds_are_seen_without_following_the_last_link()
    {
        Assert.Equal(EntryKind.Link, OutputTree.KindOf(Path.Combine(_root, "tree", "sub", "folder-link")));
        Assert.Equal(EntryKind.Link, OutputTree.KindOf(Path.Combine(_root, "tree", "file-link")));
        Assert.Equal(EntryKind.Folder, OutputTree.KindOf(Path.Combine(_root, "tree", "sub")));
        Assert.Equal(EntryKind.File, OutputTree.KindOf(Path.Combine(_root, "tree", "sub", "page.html")));
        Assert.Equal(EntryKind.Missing, OutputTree.KindOf(Path.Combine(_root, "tree", "nothing")));
    }

    [Fact]
    public void Deleting_a_tree_removes_its_links_and_leaves_their_targets()
    {
        OutputTree.Delete(Path.Combine(_root, "tree"));

        Assert.False(Directory.Exists(Path.Combine(_root, "tree")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_root, "target", "keep.txt")));
    }

    [Fact]
    public void Deleting_a_deep_tree_removes_every_level_and_enters_no_link_at_any_depth()
    {
        // Folders are opened from their parent without following a link: a link deep down is removed as a link.
        var deep = Path.Combine(_root, "tree", "a", "b", "c");
        Directory.CreateDirectory(deep);
        for (var i = 0; i < 50; i++) File.WriteAllText(Path.Combine(deep, $"f{i}.json"), "x");
        File.CreateSymbolicLink(Path.Combine(deep, "up"), _root);
        File.CreateSymbolicLink(Path.Combine(_root, "tree", "a", "target-link"), Path.Combine(_root, "target"));
        Directory.CreateDirectory(Path.Combine(_root, "tree", "a", "empty"));

        OutputTree.Delete(Path.Combine(_root, "tree"));

        Assert.False(Directory.Exists(Path.Combine(_root, "tree")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_root, "target", "keep.txt")));
        Assert.True(Directory.Exists(Path.Combine(_root, "target")));
    }

    [Fact]
    public void Deleting_a_link_to_a_folder_removes_the_link_only()
    {
        OutputTree.Delete(Path.Combine(_root, "tree", "sub", "folder-link"));

        Assert.False(Path.Exists(Path.Combine(_root, "tree", "sub", "folder-link")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_root, "target", "keep.txt")));
    }

    [Fact]
    public void Mount_points_are_read_from_mountinfo_with_its_escapes()
    {
        const string mountInfo = "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
            + "63 43 0:39 / /srv/my\\040site rw,relatime - tmpfs none rw\n";

        Assert.True(OutputTree.IsMountPoint("/srv/my site", mountInfo));
        Assert.True(OutputTree.IsMountPoint("/", mountInfo));
        Assert.False(OutputTree.IsMountPoint("/srv", mountInfo));
        Assert.False(OutputTree.IsMountPoint("/srv/my\\040site", mountInfo));
    }
}
