using StaticBriefs.FileSystem;

namespace StaticBriefs.Tests.FileSystem;

/// <summary><see cref="FolderListing"/> names every entry with the kind lstat gives it, links as links.</summary>
public sealed class FolderListingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sb-listing-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_entry_is_listed_with_the_kind_lstat_gives_it()
    {
        Directory.CreateDirectory(Path.Combine(_root, "folder"));
        File.WriteAllText(Path.Combine(_root, "file.txt"), "x");
        File.WriteAllText(Path.Combine(_root, "Zoë ☃.html"), "x");
        File.CreateSymbolicLink(Path.Combine(_root, "folder-link"), Path.Combine(_root, "folder"));
        File.CreateSymbolicLink(Path.Combine(_root, "file-link"), Path.Combine(_root, "file.txt"));
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_root, "nothing"));
        if (OperatingSystem.IsLinux()) Assert.Equal(0, MakeFifo(Path.Combine(_root, "pipe"), 0x1A4));

        var listed = FolderListing.Of(_root);

        if (!FolderListing.Available)
        {
            Assert.Null(listed);
            return;
        }
        var entries = listed!;
        var expected = Directory.EnumerateFileSystemEntries(_root).Select(p => (Path.GetFileName(p), FileStatus.LStat(p, out _)))
            .OrderBy(e => e.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, entries.OrderBy(e => e.Name, StringComparer.Ordinal));
        Assert.Contains(("folder-link", FileKind.SymbolicLink), entries);
        Assert.Contains(("pipe", FileKind.Fifo), entries);
        Assert.Contains(("Zoë ☃.html", FileKind.Regular), entries);
    }

    [Fact]
    public void An_empty_folder_lists_nothing_and_a_missing_one_is_not_listed()
    {
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        if (!FolderListing.Available) return;
        Assert.Empty(FolderListing.Of(Path.Combine(_root, "empty"))!);
        Assert.Null(FolderListing.Of(Path.Combine(_root, "missing")));
        File.WriteAllText(Path.Combine(_root, "file.txt"), "x");
        Assert.Null(FolderListing.Of(Path.Combine(_root, "file.txt")));
    }

    [Fact]
    public void A_link_to_a_folder_is_not_listed_through()
    {
        // Removing a tree lists each folder it meets: one swapped for a link meanwhile must not lead outside.
        var target = Directory.CreateDirectory(Path.Combine(_root, "target")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "keep");
        Directory.CreateSymbolicLink(Path.Combine(_root, "link"), target);

        if (!FolderListing.Available) return;
        Assert.Null(FolderListing.Of(Path.Combine(_root, "link")));
        Assert.Single(FolderListing.Of(target)!);
    }

    [Fact]
    public void A_folder_of_thousands_is_listed_whole()
    {
        // readdir hands entries over in batches: the listing must go on past the first.
        var folder = Directory.CreateDirectory(Path.Combine(_root, "many")).FullName;
        for (var i = 0; i < 3000; i++) File.WriteAllText(Path.Combine(folder, $"entry-with-a-longish-name-{i:D5}.json"), "");

        if (!FolderListing.Available) return;
        Assert.Equal(3000, FolderListing.Of(folder)!.Count(e => e.Kind == FileKind.Regular));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, int mode);
}
